// The on-sale model's commands of an admitted fan choosing seats: list the
// dates, the sections and a section's seats (or all of them), hold seats
// (across sections too), race another fan for a seat, release a hold.
import { expect } from "vitest";
import {
  expectError,
  expectRefusedOr,
  FanCommand,
  noteClaim,
  ReservationCommand,
  type Command,
  type FanContext,
  type Real,
} from "./command-kit";
import { expectAgreement } from "./agreement";
import {
  countSeats,
  expireStaleHolds,
  guardRefusal,
  isAdmittedLive,
  isLiveHold,
  liveHoldsOf,
  maxHoldsPerPerformance,
  seatState,
  type OnSaleModel,
} from "./on-sale-model";
import { CONCERT_NAMES, type Answer } from "./on-sale-system";
import { noteOutcome } from "./outcomes";

export class ListDates extends FanCommand {
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const answer = await client.listDates(this.concert, turn.token);
    if (!expectRefusedOr(answer, guardRefusal(model, turn), 200)) return;
    noteClaim(model, turn);
    const { performanceIds, seatIds } = model.concerts[this.concert]!;
    const free = countSeats(model, seatIds, "AVAILABLE");
    const isSoldOut = countSeats(model, seatIds, "SOLD") === seatIds.length;
    const { performances } = answer.body as { performances: { id: string; availableSeats: number; totalSeats: number; isSoldOut: boolean }[] };
    // The first date is the one booked; the others have the same venue and nothing sold.
    expect(performances.map((date) => [date.id, date.availableSeats, date.totalSeats, date.isSoldOut])).toEqual(
      performanceIds.map((id, index) => (index === 0 ? [id, free, seatIds.length, isSoldOut] : [id, seatIds.length, seatIds.length, false])),
    );
  }
  toString = () => `ListDates(${this.who})`;
}

/** The booked date's sections in drawing order, each with its seats and the seats free now (an expired hold is free). */
export class ListSections extends FanCommand {
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const answer = await client.listSections(this.concert, turn.token);
    if (!expectRefusedOr(answer, guardRefusal(model, turn), 200)) return;
    noteOutcome(`${CONCERT_NAMES[this.concert]}: sections listed`);
    noteClaim(model, turn);
    const { sections, seatIds } = model.concerts[this.concert]!;
    const body = answer.body as { sections: { id: string; totalSeats: number; availableSeats: number }[]; totalSeats: number; availableSeats: number };
    expect({
      sections: body.sections.map(({ id, totalSeats, availableSeats }) => ({ id, totalSeats, availableSeats })),
      totalSeats: body.totalSeats,
      availableSeats: body.availableSeats,
    }).toEqual({
      sections: sections.map((section) => ({
        id: section.id,
        totalSeats: section.seatIds.length,
        availableSeats: countSeats(model, section.seatIds, "AVAILABLE"),
      })),
      totalSeats: seatIds.length,
      availableSeats: countSeats(model, seatIds, "AVAILABLE"),
    });
  }
  toString = () => `ListSections(${this.who})`;
}

/** The booked date's seats, all of them (no section) or one section's: each sold, held, held by me or free. */
export class ListSeats extends FanCommand {
  constructor(
    fanIndex: number,
    concert: number,
    readonly sectionPick?: number,
  ) {
    super(fanIndex, concert);
  }
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const { sections, seatIds } = model.concerts[this.concert]!;
    const section = this.sectionPick === undefined ? undefined : sections[this.sectionPick % sections.length]!;
    const answer = await client.listSeats(this.concert, turn.token, section?.id);
    if (!expectRefusedOr(answer, guardRefusal(model, turn), 200)) return;
    noteClaim(model, turn);
    noteOutcome(`${CONCERT_NAMES[this.concert]}: ${section ? "a section's" : "all"} seats listed`);
    const { seats } = answer.body as { seats: { id: string; status: string; heldByMe: boolean }[] };
    expect(seats.map((seat) => ({ id: seat.id, status: seat.status, heldByMe: seat.heldByMe }))).toEqual(
      (section?.seatIds ?? seatIds).map((id) => {
        const { state, holder } = seatState(model, id);
        return { id, status: state, heldByMe: state === "HELD" && holder === this.fanIndex };
      }),
    );
  }
  toString = () => `ListSeats(${this.who}${this.sectionPick === undefined ? "" : `, section #${this.sectionPick}`})`;
}

/** What a hold of these seats should answer now; the guard's claim is noted when it admits the fan. */
function predictHold(model: OnSaleModel, fanIndex: number, concert: number, seatIds: string[]): { status: number; code?: string } {
  const turn = model.fans[fanIndex]!.turns[concert]!;
  const refusal = guardRefusal(model, turn);
  if (refusal) return refusal;
  noteClaim(model, turn);
  if (liveHoldsOf(model, fanIndex, concert) + seatIds.length > maxHoldsPerPerformance()) return { status: 409, code: "HOLD_LIMIT" };
  expireStaleHolds(model, seatIds);
  if (seatIds.some((seatId) => seatState(model, seatId).state !== "AVAILABLE")) return { status: 409, code: "SEAT_UNAVAILABLE" };
  return { status: 201 };
}

function applyHold(model: OnSaleModel, fan: number, concert: number, answer: Answer, seatIds: string[]): void {
  const { reservations } = answer.body as { reservations: { id: string; seatId: string }[] };
  expect(reservations.map((row) => row.seatId).sort()).toEqual([...seatIds].sort());
  for (const row of reservations) model.reservations.push({ id: row.id, seatId: row.seatId, fan, concert, status: "HELD", heldAt: model.now });
}

/** The booked date's seats the picks name (seat i of the date, counting across sections), without repeats. */
const seatsPicked = (model: Readonly<OnSaleModel>, concert: number, picks: number[]) => {
  const { seatIds } = model.concerts[concert]!;
  return [...new Set(picks.map((pick) => seatIds[pick % seatIds.length]!))];
};

/** Holds seats of the booked date, which may lie in different sections; the four-seat limit counts them all. */
export class Hold extends FanCommand {
  constructor(
    fanIndex: number,
    concert: number,
    readonly seatPicks: number[],
  ) {
    super(fanIndex, concert);
  }
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const seatIds = seatsPicked(model, this.concert, this.seatPicks);
    const answer = await client.hold(this.concert, turn.token, seatIds);
    const expected = predictHold(model, this.fanIndex, this.concert, seatIds);
    const { sections } = model.concerts[this.concert]!;
    const sectionCount = sections.filter((section) => seatIds.some((seatId) => section.seatIds.includes(seatId))).length;
    noteOutcome(`${CONCERT_NAMES[this.concert]}: hold of ${sectionCount > 1 ? "several sections" : "one section"} ${expected.code ?? "201"}`);
    if (expected.code) return expectError(answer, expected as { status: number; code: string });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    applyHold(model, this.fanIndex, this.concert, answer, seatIds);
  }
  toString = () => `Hold(${this.who}, seat picks ${this.seatPicks.join("+")})`;
}

/** Two admitted fans hold the same free seat at the same moment: exactly one gets it. */
export class RaceForSeat implements Command {
  constructor(
    readonly fans: [number, number],
    readonly concert: number,
    readonly seatPick: number,
  ) {}
  check(model: Readonly<OnSaleModel>): boolean {
    const [seatId] = seatsPicked(model, this.concert, [this.seatPick]);
    return (
      seatState(model, seatId!).state === "AVAILABLE" &&
      this.fans.every(
        (index) => isAdmittedLive(model, model.fans[index]!.turns[this.concert]!) && liveHoldsOf(model, index, this.concert) < maxHoldsPerPerformance(),
      )
    );
  }
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const seatIds = seatsPicked(model, this.concert, [this.seatPick]);
    const turns = this.fans.map((index) => model.fans[index]!.turns[this.concert]!);
    const answers = await Promise.all(this.fans.map((index, at) => real.clients[index]!.hold(this.concert, turns[at]!.token, seatIds)));
    for (const turn of turns) noteClaim(model, turn);
    expireStaleHolds(model, seatIds);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const winner = answers.findIndex((answer) => answer.status === 201);
    expectError(answers[1 - winner]!, { status: 409, code: "SEAT_UNAVAILABLE" });
    applyHold(model, this.fans[winner]!, this.concert, answers[winner]!, seatIds);
    await expectAgreement(model, real);
  }
  toString = () => `RaceForSeat(fans ${this.fans.join(" and ")}, ${CONCERT_NAMES[this.concert]}, seat pick ${this.seatPick})`;
}

/** Releases one of the concert's reservations (with the concert's token): the fan's live hold, or 404. */
export class Release extends ReservationCommand {
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const reservation = this.picked(model);
    const answer = await client.release(turn.token, reservation.id);
    if (reservation.fan !== this.fanIndex) return expectError(answer, { status: 404, code: "NOT_FOUND" });
    if (!expectRefusedOr(answer, guardRefusal(model, turn), isLiveHold(model, reservation) ? 204 : 404)) return;
    noteClaim(model, turn);
    if (answer.status === 204) reservation.status = "CANCELLED";
    else expectError(answer, { status: 404, code: "NOT_FOUND" });
  }
  toString = () => `Release(${this.who}, reservation #${this.pick})`;
}
