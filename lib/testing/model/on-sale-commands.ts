// The commands of the on-sale model test. Each one sends a real request (or
// moves time, or runs the cron), predicts the answer from the model alone,
// expects the answer to be that, and updates the model. After every command
// expectAgreement reads the rows and expects them to be what the model says,
// and the invariants to hold.
import fc from "fast-check";
import { expect } from "vitest";
import { openQueueToken } from "@/lib/queue/token";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import {
  endLapsed,
  expireStaleHolds,
  guardRefusal,
  isAdmittedLive,
  isLiveHold,
  isStaleHold,
  liveAdmittedCount,
  liveHoldsOf,
  maxHoldsPerPerformance,
  refreshRoom,
  seatState,
  settleRoom,
  type FanModel,
  type OnSaleModel,
  type ReservationModel,
} from "./on-sale-model";
import {
  FANS,
  newKey,
  readRows,
  refundPayment,
  setRoomPaused,
  ROOM,
  runCron,
  SEATS_PER_PERFORMANCE,
  shiftTimeBack,
  type Answer,
  type FanClient,
  type OnSaleSystem,
} from "./on-sale-system";

export type Real = {
  system: OnSaleSystem;
  clients: FanClient[];
  clock: { beforeCommand: () => void; advance: (ms: number) => void };
};

type Command = fc.AsyncCommand<OnSaleModel, Real>;

const NO_TOKEN = { status: 401, code: "INVALID_QUEUE_TOKEN" };

function expectError(answer: Answer, expected: { status: number; code: string }): void {
  expect({ status: answer.status, code: (answer.body as { error?: { code?: string } } | null)?.error?.code }).toEqual(expected);
}

function expectRefusedOr(answer: Answer, refusal: { status: number; code: string } | null, status: number): boolean {
  if (refusal) {
    expectError(answer, refusal);
    return false;
  }
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return true;
}

/** Takes the token a join or a poll handed out, and what it carries. */
async function takeToken(model: OnSaleModel, fan: FanModel, token: string): Promise<void> {
  const claims = await openQueueToken(token);
  expect(claims).not.toBeNull();
  fan.token = token;
  fan.tokenId = claims!.tid;
  fan.tokenHasAdmission = claims!.adm !== undefined;
  fan.tokenIssuedAt = model.now;
}

/** A guard that admitted the fan claimed the turn (the first sign of life claims it). */
function noteClaim(model: OnSaleModel, fan: FanModel): void {
  if (isAdmittedLive(model, fan)) fan.isClaimed = true;
}

abstract class FanCommand implements Command {
  constructor(readonly fanIndex: number) {}
  check(_model: Readonly<OnSaleModel>): boolean {
    return true;
  }
  abstract act(model: OnSaleModel, fan: FanModel, client: FanClient, real: Real): Promise<void>;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    await this.act(model, model.fans[this.fanIndex]!, real.clients[this.fanIndex]!, real);
    await expectAgreement(model, real);
  }
  abstract toString(): string;
}

class Join extends FanCommand {
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    const answer = await client.join();
    refreshRoom(model);
    endLapsed(model, fan);
    const isNew = fan.place !== "WAITING" && fan.place !== "ADMITTED";
    expect(answer.status, JSON.stringify(answer.body)).toBe(isNew ? 201 : 200);
    const body = answer.body as { status: string; ticket: number; token: string };
    if (isNew) {
      expect(body.ticket).toBeGreaterThan(model.lastTicket);
      model.lastTicket = body.ticket;
      Object.assign(fan, { place: "WAITING", ticket: body.ticket, endReason: undefined, isClaimed: false });
      // A newcomer to a room with a free place is let in at once.
      if (liveAdmittedCount(model) < ROOM.capacity) settleRoom(model);
    }
    expect(body).toMatchObject({ status: fan.place, ticket: fan.ticket });
    await takeToken(model, fan, body.token);
  }
  toString = () => `Join(fan ${this.fanIndex})`;
}

class Poll extends FanCommand {
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    const answer = await client.poll(fan.token);
    if (!fan.token) return expectError(answer, NO_TOKEN);
    refreshRoom(model);
    if (fan.place === "ADMITTED" && !isAdmittedLive(model, fan)) {
      // A lapsed turn nobody has ended yet: a token that carries its admission end is answered from the token alone.
      if (fan.tokenHasAdmission) expect(answer.body).toMatchObject({ status: "ADMITTED" });
      else expectError(answer, { status: 410, code: "QUEUE_TOKEN_EXPIRED" });
      return;
    }
    if (fan.place === "ENDED") {
      // A token that carries its admission end is answered from the token alone;
      // after the test moved the database's time, only the token's own end is real time.
      const maySayAdmitted = fan.tokenHasAdmission && model.now > fan.tokenIssuedAt && answer.status === 200;
      if (maySayAdmitted) expect(answer.body).toMatchObject({ status: "ADMITTED" });
      else expectError(answer, { status: 410, code: "QUEUE_TOKEN_EXPIRED" });
      return;
    }
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body as { status: string; token?: string };
    expect(body.status).toBe(fan.place);
    if (body.token) await takeToken(model, fan, body.token);
  }
  toString = () => `Poll(fan ${this.fanIndex})`;
}

class Leave extends FanCommand {
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    const answer = await client.leave(fan.token);
    if (!fan.token) return expectError(answer, NO_TOKEN);
    expect(answer.status).toBe(204);
    if (fan.place === "WAITING" || fan.place === "ADMITTED") Object.assign(fan, { place: "ENDED", endReason: "LEFT" });
  }
  toString = () => `Leave(fan ${this.fanIndex})`;
}

class ListDates extends FanCommand {
  async act(model: OnSaleModel, fan: FanModel, client: FanClient, real: Real) {
    const answer = await client.listDates(fan.token);
    if (!expectRefusedOr(answer, guardRefusal(model, fan), 200)) return;
    noteClaim(model, fan);
    const free = model.seatIds.filter((seatId) => seatState(model, seatId).state === "AVAILABLE").length;
    const sold = model.seatIds.filter((seatId) => seatState(model, seatId).state === "SOLD").length;
    const { performances } = answer.body as { performances: { id: string; availableSeats: number; isSoldOut: boolean }[] };
    expect(performances.map((date) => [date.id, date.availableSeats, date.isSoldOut])).toEqual([
      [real.system.performanceIds[0], free, sold === SEATS_PER_PERFORMANCE],
      [real.system.performanceIds[1], SEATS_PER_PERFORMANCE, false],
    ]);
  }
  toString = () => `ListDates(fan ${this.fanIndex})`;
}

class ListSeats extends FanCommand {
  async act(model: OnSaleModel, fan: FanModel, client: FanClient, real: Real) {
    const answer = await client.listSeats(fan.token, real.system.performanceIds[0]!);
    if (!expectRefusedOr(answer, guardRefusal(model, fan), 200)) return;
    noteClaim(model, fan);
    const { seats } = answer.body as { seats: { id: string; status: string; heldByMe: boolean }[] };
    expect(seats.map((seat) => ({ id: seat.id, status: seat.status, heldByMe: seat.heldByMe }))).toEqual(
      model.seatIds.map((id) => {
        const { state, holder } = seatState(model, id);
        return { id, status: state, heldByMe: state === "HELD" && holder === this.fanIndex };
      }),
    );
  }
  toString = () => `ListSeats(fan ${this.fanIndex})`;
}

/** What a hold of these seats should answer now; applies it to the model when it succeeds. */
function predictHold(model: OnSaleModel, fanIndex: number, seatIds: string[]): { status: number; code?: string } {
  const fan = model.fans[fanIndex]!;
  const refusal = guardRefusal(model, fan);
  if (refusal) return refusal;
  noteClaim(model, fan);
  if (liveHoldsOf(model, fanIndex) + seatIds.length > maxHoldsPerPerformance()) return { status: 409, code: "HOLD_LIMIT" };
  expireStaleHolds(model, seatIds);
  if (seatIds.some((seatId) => seatState(model, seatId).state !== "AVAILABLE")) return { status: 409, code: "SEAT_UNAVAILABLE" };
  return { status: 201 };
}

function applyHold(model: OnSaleModel, fanIndex: number, answer: Answer, seatIds: string[]): void {
  const { reservations } = answer.body as { reservations: { id: string; seatId: string }[] };
  expect(reservations.map((row) => row.seatId).sort()).toEqual([...seatIds].sort());
  for (const row of reservations) model.reservations.push({ id: row.id, seatId: row.seatId, fan: fanIndex, status: "HELD", heldAt: model.now });
}

class Hold extends FanCommand {
  constructor(fanIndex: number, readonly seatNumbers: number[]) {
    super(fanIndex);
  }
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    const seatIds = this.seatNumbers.map((number) => model.seatIds[number]!);
    const answer = await client.hold(fan.token, seatIds);
    const expected = predictHold(model, this.fanIndex, seatIds);
    if (expected.code) return expectError(answer, expected as { status: number; code: string });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    applyHold(model, this.fanIndex, answer, seatIds);
  }
  toString = () => `Hold(fan ${this.fanIndex}, seats ${this.seatNumbers.map((n) => n + 1).join("+")})`;
}

/** Two admitted fans hold the same free seat at the same moment: exactly one gets it. */
class RaceForSeat implements Command {
  constructor(readonly fans: [number, number], readonly seatNumber: number) {}
  check(model: Readonly<OnSaleModel>): boolean {
    const seatId = model.seatIds[this.seatNumber]!;
    return (
      seatState(model, seatId).state === "AVAILABLE" &&
      this.fans.every((index) => isAdmittedLive(model, model.fans[index]!) && liveHoldsOf(model, index) < maxHoldsPerPerformance())
    );
  }
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const seatId = model.seatIds[this.seatNumber]!;
    const answers = await Promise.all(this.fans.map((index) => real.clients[index]!.hold(model.fans[index]!.token, [seatId])));
    for (const index of this.fans) noteClaim(model, model.fans[index]!);
    expireStaleHolds(model, [seatId]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const winner = answers.findIndex((answer) => answer.status === 201);
    expectError(answers[1 - winner]!, { status: 409, code: "SEAT_UNAVAILABLE" });
    applyHold(model, this.fans[winner]!, answers[winner]!, [seatId]);
    await expectAgreement(model, real);
  }
  toString = () => `RaceForSeat(fans ${this.fans.join(" and ")}, seat ${this.seatNumber + 1})`;
}

class Release extends FanCommand {
  constructor(fanIndex: number, readonly pick: number) {
    super(fanIndex);
  }
  override check(model: Readonly<OnSaleModel>): boolean {
    return model.reservations.length > 0;
  }
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    const reservation = model.reservations[this.pick % model.reservations.length]!;
    const answer = await client.release(fan.token, reservation.id);
    if (reservation.fan !== this.fanIndex) return expectError(answer, { status: 404, code: "NOT_FOUND" });
    if (!expectRefusedOr(answer, guardRefusal(model, fan), isLiveHold(model, reservation) ? 204 : 404)) return;
    noteClaim(model, fan);
    if (answer.status === 204) reservation.status = "CANCELLED";
    else expectError(answer, { status: 404, code: "NOT_FOUND" });
  }
  toString = () => `Release(fan ${this.fanIndex}, reservation #${this.pick})`;
}

type KeyChoice = { kind: "new" } | { kind: "retry"; pick: number } | { kind: "reuse-other-body"; pick: number };

function pickKey<T>(keys: Map<string, T>, pick: number): [string, T] | undefined {
  const entries = [...keys];
  return entries[pick % Math.max(1, entries.length)];
}

class Charge extends FanCommand {
  constructor(fanIndex: number, readonly amount: number, readonly key: KeyChoice) {
    super(fanIndex);
  }
  override check = (model: Readonly<OnSaleModel>) => this.key.kind === "new" || model.fans[this.fanIndex]!.chargeKeys.size > 0;
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
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

type PayKeyChoice = { kind: "new"; isSentTwiceAtOnce: boolean } | { kind: "retry"; pick: number };

/** What paying these reservations should answer now (docs/API.md's order of checks), and its effect when it succeeds. */
function predictPayment(model: OnSaleModel, fanIndex: number, reservationIds: string[]): { status: number; code?: string } {
  const fan = model.fans[fanIndex]!;
  const rows = reservationIds.map((id) => model.reservations.find((row) => row.id === id)!);
  if (rows.some((row) => row.fan !== fanIndex || (row.status !== "HELD" && row.status !== "EXPIRED")))
    return { status: 409, code: "RESERVATION_NOT_PAYABLE" };
  if (rows.some((row) => row.status === "EXPIRED")) return { status: 410, code: "HOLD_EXPIRED" };
  const refusal = guardRefusal(model, fan);
  if (refusal) return refusal;
  if (rows.some((row) => isStaleHold(model, row))) return { status: 410, code: "HOLD_EXPIRED" };
  const total = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  if (total > fan.balance) return { status: 402, code: "INSUFFICIENT_BALANCE" };
  return { status: 201 };
}

function applyPayment(model: OnSaleModel, fan: FanModel, reservationIds: string[], answer: Answer): void {
  const rows = model.reservations.filter((row) => reservationIds.includes(row.id));
  const total = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  fan.balance -= total;
  expect(answer.body).toMatchObject({ payment: { amount: total, status: "COMPLETED" }, balance: fan.balance });
  const paymentId = (answer.body as { payment: { id: string } }).payment.id;
  for (const row of rows) Object.assign(row, { status: "CONFIRMED", paymentId });
  model.payments.push({ id: paymentId, fan: model.fans.indexOf(fan), reservationIds });
  Object.assign(fan, { place: "ENDED", endReason: "PAID", isClaimed: true });
  fan.payments += 1;
}

/** Sends a money request, then the same request again with its key: the retry gets the stored answer, or, after a refusal, the same refusal. */
async function sentTwice(send: (key: string) => Promise<Answer>): Promise<Answer> {
  const key = newKey();
  const answer = await send(key);
  const retry = await send(key);
  expect(retry).toEqual(answer.status < 300 ? { ...answer, isReplay: true } : answer);
  return answer;
}

/** Gives the money of refunded seats back to their fan and puts the seats on sale again. */
function applyRefund(model: OnSaleModel, rows: ReservationModel[], answer: Answer): void {
  const fan = model.fans[rows[0]!.fan]!;
  const amount = rows.reduce((sum, row) => sum + model.seatPrice.get(row.seatId)!, 0);
  fan.balance += amount;
  expect(answer.body).toMatchObject({ refund: { amount }, balance: fan.balance });
  for (const row of rows) row.status = "CANCELLED";
}

/** A fan cancels one of their tickets (booking is open in the model): refunded at once, or 404 / 409 ALREADY_REFUNDED. */
class CancelTicket extends FanCommand {
  constructor(fanIndex: number, readonly pick: number) {
    super(fanIndex);
  }
  override check = (model: Readonly<OnSaleModel>) => model.reservations.length > 0;
  async act(model: OnSaleModel, _fan: FanModel, client: FanClient) {
    const reservation = model.reservations[this.pick % model.reservations.length]!;
    const answer = await sentTwice((key) => client.cancelTicket(reservation.id, key));
    if (reservation.fan !== this.fanIndex || !reservation.paymentId) return expectError(answer, { status: 404, code: "NOT_FOUND" });
    if (reservation.status !== "CONFIRMED") return expectError(answer, { status: 409, code: "ALREADY_REFUNDED" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    applyRefund(model, [reservation], answer);
  }
  toString = () => `CancelTicket(fan ${this.fanIndex}, reservation #${this.pick})`;
}

/** The operator refunds a payment: every seat of it still sold, or 409 ALREADY_REFUNDED when none is. */
class RefundPayment implements Command {
  constructor(readonly pick: number) {}
  check = (model: Readonly<OnSaleModel>) => model.payments.length > 0;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const payment = model.payments[this.pick % model.payments.length]!;
    const answer = await sentTwice((key) => refundPayment(real.system, payment.id, key));
    const sold = model.reservations.filter((row) => payment.reservationIds.includes(row.id) && row.status === "CONFIRMED");
    if (sold.length === 0) expectError(answer, { status: 409, code: "ALREADY_REFUNDED" });
    else {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      applyRefund(model, sold, answer);
    }
    await expectAgreement(model, real);
  }
  toString = () => `RefundPayment(payment #${this.pick})`;
}

class Pay extends FanCommand {
  constructor(fanIndex: number, readonly mask: number, readonly key: PayKeyChoice) {
    super(fanIndex);
  }
  override check(model: Readonly<OnSaleModel>): boolean {
    const fan = model.fans[this.fanIndex]!;
    if (this.key.kind === "retry") return fan.payKeys.size > 0;
    return model.reservations.some((row) => row.fan === this.fanIndex);
  }
  async act(model: OnSaleModel, fan: FanModel, client: FanClient) {
    if (this.key.kind === "retry") {
      const [key, earlier] = pickKey(fan.payKeys, this.key.pick)!;
      const answer = await client.pay(fan.token, earlier.reservationIds, key);
      if (earlier.answer) expect(answer).toEqual({ ...earlier.answer, isReplay: true });
      else this.settle(model, fan, earlier.reservationIds, key, [answer]);
      return;
    }
    // Mostly the fan's current holds, as a checkout would send; sometimes any of their reservations.
    const own = model.reservations.filter((row) => row.fan === this.fanIndex);
    const held = own.filter((row) => row.status === "HELD");
    const candidates = held.length > 0 && this.mask % 4 !== 0 ? held : own;
    const chosen = candidates.filter((_, index) => this.mask & (1 << (index + 2) % 16));
    const reservationIds = (chosen.length > 0 ? chosen : candidates.slice(-1)).map((row) => row.id);
    const key = newKey();
    const attempts = this.key.isSentTwiceAtOnce ? 2 : 1;
    const answers = await Promise.all(Array.from({ length: attempts }, () => client.pay(fan.token, reservationIds, key)));
    this.settle(model, fan, reservationIds, key, answers);
  }
  /** Answers of one key sent once, or twice at once: one effect, and the same answer (or REQUEST_IN_PROGRESS) to both. */
  private settle(model: OnSaleModel, fan: FanModel, reservationIds: string[], key: string, answers: Answer[]): void {
    const expected = predictPayment(model, this.fanIndex, reservationIds);
    fan.payKeys.set(key, { reservationIds });
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
    applyPayment(model, fan, reservationIds, first!);
    fan.payKeys.set(key, { reservationIds, answer: first });
  }
  toString = () => `Pay(fan ${this.fanIndex}, mask ${this.mask}, ${JSON.stringify(this.key)})`;
}

class ReadWallet extends FanCommand {
  async act(_model: OnSaleModel, fan: FanModel, client: FanClient) {
    expect(await client.wallet()).toMatchObject({ status: 200, body: { balance: fan.balance } });
  }
  toString = () => `ReadWallet(fan ${this.fanIndex})`;
}

/** Time passes: holds run out, admission and claim windows close (the database's rows move back in time). */
class AdvanceTime implements Command {
  constructor(readonly seconds: number) {}
  check = () => true;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    await shiftTimeBack(real.system, this.seconds);
    real.clock.advance(this.seconds * 1000);
    model.now += this.seconds;
    await expectAgreement(model, real);
  }
  toString = () => `AdvanceTime(${this.seconds} s)`;
}

/** The operator pauses or resumes admission; the model says when the line moves again. */
class PauseRoom implements Command {
  constructor(readonly isPaused: boolean) {}
  check = (model: Readonly<OnSaleModel>) => model.isPaused !== this.isPaused;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const answer = await setRoomPaused(real.system, this.isPaused);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ room: { isPaused: this.isPaused } });
    model.isPaused = this.isPaused;
    await expectAgreement(model, real);
  }
  toString = () => (this.isPaused ? "PauseRoom" : "ResumeRoom");
}

/** The once-a-minute job: expired holds marked, lapsed turns ended, the line moved on. */
class RunCron implements Command {
  check = () => true;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const answer = await runCron();
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expireStaleHolds(model);
    endLapsed(model);
    if (model.lastTicket > model.servingCounter) settleRoom(model);
    await expectAgreement(model, real);
  }
  toString = () => "RunCron";
}

/** Each fan starts with money for two seats, charged through the route like any charge, so runs reach payments. */
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

const OPENING_BALANCE = 300_000;
const fanIndex = fc.integer({ min: 0, max: FANS - 1 });
const seatNumber = fc.integer({ min: 0, max: SEATS_PER_PERFORMANCE - 1 });
const pick = fc.nat({ max: 15 });

const join = fanIndex.map((fan) => new Join(fan));
const hold = fc.tuple(fanIndex, fc.uniqueArray(seatNumber, { minLength: 1, maxLength: 2 })).map(([fan, seats]) => new Hold(fan, seats));
const charge = fc
  .tuple(
    fanIndex,
    fc.constantFrom(100_000, 300_000, 600_000),
    fc.oneof(
      fc.constant<KeyChoice>({ kind: "new" }),
      pick.map<KeyChoice>((index) => ({ kind: "retry", pick: index })),
      pick.map<KeyChoice>((index) => ({ kind: "reuse-other-body", pick: index })),
    ),
  )
  .map(([fan, amount, key]) => new Charge(fan, amount, key));
const pay = fc
  .tuple(
    fanIndex,
    fc.nat({ max: 0xffff }),
    fc.oneof(
      fc.boolean().map<PayKeyChoice>((isSentTwiceAtOnce) => ({ kind: "new", isSentTwiceAtOnce })),
      pick.map<PayKeyChoice>((index) => ({ kind: "retry", pick: index })),
    ),
  )
  .map(([fan, mask, key]) => new Pay(fan, mask, key));

/** fc.commands draws each arbitrary alike: the steps of the buying funnel appear more than once, so runs get far enough to pay. */
export const onSaleCommands: fc.Arbitrary<Command>[] = [
  join,
  join,
  fanIndex.map((fan) => new Poll(fan)),
  fanIndex.map((fan) => new Leave(fan)),
  fanIndex.map((fan) => new ListDates(fan)),
  fanIndex.map((fan) => new ListSeats(fan)),
  hold,
  hold,
  hold,
  fc.tuple(fanIndex, fc.integer({ min: 1, max: FANS - 1 }), seatNumber).map(
    ([fan, offset, seat]) => new RaceForSeat([fan, (fan + offset) % FANS], seat),
  ),
  fc.tuple(fanIndex, pick).map(([fan, reservation]) => new Release(fan, reservation)),
  charge,
  charge,
  pay,
  pay,
  pay,
  fanIndex.map((fan) => new ReadWallet(fan)),
  fc.tuple(fanIndex, pick).map(([fan, reservation]) => new CancelTicket(fan, reservation)),
  pick.map((payment) => new RefundPayment(payment)),
  fc.boolean().map((isPaused) => new PauseRoom(isPaused)),
  fc.constantFrom(100, 300).map((seconds) => new AdvanceTime(seconds)),
  fc.constant(new RunCron()),
];

/** The rows agree with the model, and the invariants hold. */
export async function expectAgreement(model: OnSaleModel, real: Real): Promise<void> {
  const { system } = real;
  const rows = await readRows(system);
  const userIndex = new Map(system.fans.map((fan, index) => [fan.userId, index]));
  const fanOf = (userId: string) => userIndex.get(userId)!;

  expect(
    rows.reservations.map((row) => ({ id: row.id, seatId: row.seatId, fan: fanOf(row.userId), status: row.status })).sort(byId),
    "reservations",
  ).toEqual(model.reservations.map(({ id, seatId, fan, status }) => ({ id, seatId, fan, status })).sort(byId));

  for (const [index, fan] of model.fans.entries()) {
    const wallet = rows.wallets.find((row) => fanOf(row.userId) === index)!;
    expect({ fan: index, balance: wallet.balance, entrySum: wallet.entrySum }, "wallet").toEqual({
      fan: index,
      balance: fan.balance,
      entrySum: fan.balance,
    });
    expect(rows.payments.find((row) => fanOf(row.userId) === index)?.count ?? 0, `payments of fan ${index}`).toBe(fan.payments);
    if (!fan.tokenId) continue;
    const token = rows.tokens.find((row) => row.id === fan.tokenId)!;
    // The model does not predict every claim (a join or poll at the front claims too): it learns them, and checks that the guards made them.
    if (fan.isClaimed && token.status === "ADMITTED") expect(token.isClaimed, `fan ${index}'s turn is claimed`).toBe(true);
    if (token.isClaimed) fan.isClaimed = true;
    expect({ fan: index, ticket: token.ticket, status: token.status, endReason: token.endReason }, "queue token").toEqual({
      fan: index,
      ticket: fan.ticket,
      status: fan.place,
      endReason: fan.place === "ENDED" ? fan.endReason : null,
    });
  }
  expect(rows.tokens.filter((row) => row.status === "WAITING" || row.status === "ADMITTED").length, "one live place per fan at most").toBe(
    model.fans.filter((fan) => fan.place === "WAITING" || fan.place === "ADMITTED").length,
  );
  expect(rows.liveAdmitted, "capacity").toBeLessThanOrEqual(ROOM.capacity);
  expect(rows.admittedOutOfOrder, "admission in ticket order").toBe(0);
  expect(await countInvariantViolations(system.db)).toEqual(NO_VIOLATIONS);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
