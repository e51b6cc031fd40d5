// The on-sale model's commands that move money: charge the wallet (new keys,
// retries, a key reused for another body), pay for holds (a key retried or
// sent twice at once), read the wallet, a fan cancelling a ticket and the
// operator refunding a payment (each sent twice with its key).
import fc from "fast-check";
import { expect } from "vitest";
import { expectError, FanCommand, ReservationCommand, sentTwice, SystemCommand, type FanContext, type Real } from "./command-kit";
import { guardRefusal, isStaleHold, type FanModel, type OnSaleModel, type ReservationModel } from "./on-sale-model";
import { CONCERT_NAMES, newKey, refundPayment, type Answer } from "./on-sale-system";
import { noteOutcome } from "./outcomes";

export type KeyChoice = { kind: "new" } | { kind: "retry"; pick: number } | { kind: "reuse-other-body"; pick: number };
export type PayKeyChoice = { kind: "new"; isSentTwiceAtOnce: boolean } | { kind: "retry"; pick: number };

function pickKey<T>(keys: Map<string, T>, pick: number): [string, T] | undefined {
  const entries = [...keys];
  return entries[pick % Math.max(1, entries.length)];
}

/** The wallet is the fan's, not a concert's: the concert of a wallet command is 0 and unused. */
export class Charge extends FanCommand {
  constructor(
    fanIndex: number,
    readonly amount: number,
    readonly key: KeyChoice,
  ) {
    super(fanIndex, 0);
  }
  override check = (model: Readonly<OnSaleModel>) => this.key.kind === "new" || model.fans[this.fanIndex]!.chargeKeys.size > 0;
  async act(_model: OnSaleModel, { fan, client }: FanContext) {
    if (this.key.kind === "new") {
      const key = newKey();
      const answer = await client.charge(this.amount, key);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      fan.balance += this.amount;
      expect(answer.body).toMatchObject({ balance: fan.balance, entry: { amount: this.amount, balanceAfter: fan.balance } });
      fan.chargeKeys.set(key, { amount: this.amount, answer });
      return;
    }
    const [key, earlier] = pickKey(fan.chargeKeys, this.key.pick)!;
    if (this.key.kind === "retry") {
      const answer = await client.charge(earlier.amount, key);
      expect(answer).toEqual({ ...earlier.answer, isReplay: true });
      return;
    }
    expectError(await client.charge(earlier.amount + 1_000, key), { status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
  }
  toString = () => `Charge(fan ${this.fanIndex}, ${this.amount}, ${JSON.stringify(this.key)})`;
}

export class ReadWallet extends FanCommand {
  constructor(fanIndex: number) {
    super(fanIndex, 0);
  }
  async act(_model: OnSaleModel, { fan, client }: FanContext) {
    expect(await client.wallet()).toMatchObject({ status: 200, body: { balance: fan.balance } });
  }
  toString = () => `ReadWallet(fan ${this.fanIndex})`;
}

/** What paying these reservations should answer now (docs/API.md's order of checks). */
function predictPayment(model: OnSaleModel, fanIndex: number, concert: number, reservationIds: string[]): { status: number; code?: string } {
  const fan = model.fans[fanIndex]!;
  const rows = reservationIds.map((id) => model.reservations.find((row) => row.id === id)!);
  if (rows.some((row) => row.fan !== fanIndex || (row.status !== "HELD" && row.status !== "EXPIRED")))
    return { status: 409, code: "RESERVATION_NOT_PAYABLE" };
  if (rows.some((row) => row.status === "EXPIRED")) return { status: 410, code: "HOLD_EXPIRED" };
  const refusal = guardRefusal(model, fan.turns[concert]!);
  if (refusal) return refusal;
  if (rows.some((row) => isStaleHold(model, row))) return { status: 410, code: "HOLD_EXPIRED" };
  const total = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  if (total > fan.balance) return { status: 402, code: "INSUFFICIENT_BALANCE" };
  return { status: 201 };
}

/** A payment debits the seats' prices, sells them and ends the fan's turn in that concert's line as PAID. */
function applyPayment(model: OnSaleModel, fan: FanModel, concert: number, reservationIds: string[], answer: Answer): void {
  const rows = model.reservations.filter((row) => reservationIds.includes(row.id));
  const total = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  fan.balance -= total;
  expect(answer.body).toMatchObject({ payment: { amount: total, status: "COMPLETED" }, balance: fan.balance });
  const paymentId = (answer.body as { payment: { id: string } }).payment.id;
  for (const row of rows) Object.assign(row, { status: "CONFIRMED", paymentId });
  model.payments.push({ id: paymentId, fan: model.fans.indexOf(fan), reservationIds });
  Object.assign(fan.turns[concert]!, { place: "ENDED", endReason: "PAID", isClaimed: true });
  noteOutcome(`${CONCERT_NAMES[concert]}: paid`);
  fan.payments += 1;
}

/** Pays for reservations of one concert, with that concert's token. */
export class Pay extends FanCommand {
  constructor(
    fanIndex: number,
    concert: number,
    readonly mask: number,
    readonly key: PayKeyChoice,
  ) {
    super(fanIndex, concert);
  }
  override check(model: Readonly<OnSaleModel>): boolean {
    const fan = model.fans[this.fanIndex]!;
    if (this.key.kind === "retry") return fan.payKeys.size > 0;
    return model.reservations.some((row) => row.fan === this.fanIndex && row.concert === this.concert);
  }
  async act(model: OnSaleModel, { fan, client }: FanContext) {
    if (this.key.kind === "retry") {
      const [key, earlier] = pickKey(fan.payKeys, this.key.pick)!;
      const answer = await client.pay(fan.turns[earlier.concert]!.token, earlier.reservationIds, key);
      if (earlier.answer) expect(answer).toEqual({ ...earlier.answer, isReplay: true });
      else this.settle(model, fan, earlier.concert, earlier.reservationIds, key, [answer]);
      return;
    }
    // Mostly the fan's current holds, as a checkout would send; sometimes any of their reservations.
    const own = model.reservations.filter((row) => row.fan === this.fanIndex && row.concert === this.concert);
    const held = own.filter((row) => row.status === "HELD");
    const candidates = held.length > 0 && this.mask % 4 !== 0 ? held : own;
    const chosen = candidates.filter((_, index) => this.mask & (1 << (index + 2) % 16));
    const reservationIds = (chosen.length > 0 ? chosen : candidates.slice(-1)).map((row) => row.id);
    const key = newKey();
    const attempts = this.key.isSentTwiceAtOnce ? 2 : 1;
    const token = fan.turns[this.concert]!.token;
    const answers = await Promise.all(Array.from({ length: attempts }, () => client.pay(token, reservationIds, key)));
    this.settle(model, fan, this.concert, reservationIds, key, answers);
  }
  /** Answers of one key sent once, or twice at once: one effect, and the same answer (or REQUEST_IN_PROGRESS) to both. */
  private settle(model: OnSaleModel, fan: FanModel, concert: number, reservationIds: string[], key: string, answers: Answer[]): void {
    const expected = predictPayment(model, this.fanIndex, concert, reservationIds);
    fan.payKeys.set(key, { concert, reservationIds });
    if (expected.code) {
      for (const answer of answers) expectError(answer, expected as { status: number; code: string });
      return;
    }
    const first = answers.find((answer) => answer.status === 201 && !answer.isReplay);
    expect(first, JSON.stringify(answers.map((answer) => answer.body))).toBeDefined();
    for (const other of answers.filter((answer) => answer !== first)) {
      if (other.status === 409) expectError(other, { status: 409, code: "REQUEST_IN_PROGRESS" });
      else expect(other).toEqual({ ...first, isReplay: true });
    }
    applyPayment(model, fan, concert, reservationIds, first!);
    fan.payKeys.set(key, { concert, reservationIds, answer: first });
  }
  toString = () => `Pay(${this.who}, mask ${this.mask}, ${JSON.stringify(this.key)})`;
}

/** Gives the money of refunded seats back to their fan and puts the seats on sale again. */
function applyRefund(model: OnSaleModel, rows: ReservationModel[], answer: Answer, kind: "ticket cancelled" | "payment refunded"): void {
  const fan = model.fans[rows[0]!.fan]!;
  const amount = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  fan.balance += amount;
  expect(answer.body).toMatchObject({ refund: { amount }, balance: fan.balance });
  for (const row of rows) row.status = "CANCELLED";
  noteOutcome(`${CONCERT_NAMES[rows[0]!.concert]}: ${kind}`);
}

/** A fan cancels one of their tickets of the concert (booking is open in the model): refunded at once, or 404 / 409 ALREADY_REFUNDED. */
export class CancelTicket extends ReservationCommand {
  async act(model: OnSaleModel, { client }: FanContext) {
    const reservation = this.picked(model);
    const answer = await sentTwice((key) => client.cancelTicket(reservation.id, key));
    if (reservation.fan !== this.fanIndex || !reservation.paymentId) return expectError(answer, { status: 404, code: "NOT_FOUND" });
    if (reservation.status !== "CONFIRMED") return expectError(answer, { status: 409, code: "ALREADY_REFUNDED" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    applyRefund(model, [reservation], answer, "ticket cancelled");
  }
  toString = () => `CancelTicket(${this.who}, reservation #${this.pick})`;
}

/** The operator refunds a payment: every seat of it still sold, or 409 ALREADY_REFUNDED when none is. */
export class RefundPayment extends SystemCommand {
  constructor(readonly pick: number) {
    super();
  }
  override check = (model: Readonly<OnSaleModel>) => model.payments.length > 0;
  async act(model: OnSaleModel, real: Real) {
    const payment = model.payments[this.pick % model.payments.length]!;
    const answer = await sentTwice((key) => refundPayment(real.system, payment.id, key));
    const sold = model.reservations.filter((row) => payment.reservationIds.includes(row.id) && row.status === "CONFIRMED");
    if (sold.length === 0) return expectError(answer, { status: 409, code: "ALREADY_REFUNDED" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    applyRefund(model, sold, answer, "payment refunded");
  }
  toString = () => `RefundPayment(payment #${this.pick})`;
}

const OPENING_BALANCE = 300_000;

/** Each fan starts with money for a seat or two, charged through the route like any charge, so runs reach payments. */
export async function openingCharges(model: OnSaleModel, real: Real): Promise<OnSaleModel> {
  for (const [index, fan] of model.fans.entries()) {
    const key = newKey();
    const answer = await real.clients[index]!.charge(OPENING_BALANCE, key);
    expect(answer.status).toBe(200);
    fan.balance = OPENING_BALANCE;
    fan.chargeKeys.set(key, { amount: OPENING_BALANCE, answer });
  }
  return model;
}

export const chargeAmount = fc.constantFrom(100_000, 300_000, 600_000);
