// The commands of the on-sale model test, as fast-check arbitraries: requests
// of several fans about two concerts (a hall, an arena of sections), of the
// operator, time passing and the cron. Each command sends a real request (or
// moves time, or runs the cron), predicts the answer from the model alone,
// expects the answer to be that, and updates the model; after every command
// the rows agree with the model and the invariants hold (agreement.ts).
import fc from "fast-check";
import { Hold, ListDates, ListSeats, ListSections, RaceForSeat, Release } from "./booking-commands";
import type { Command, Real } from "./command-kit";
import { CancelTicket, Charge, chargeAmount, Pay, ReadWallet, RefundPayment, type KeyChoice, type PayKeyChoice } from "./money-commands";
import { AdvanceTime, Join, Leave, PauseRoom, Poll, RunCron } from "./queue-commands";
import type { OnSaleModel } from "./on-sale-model";
import { CONCERT_NAMES, FANS } from "./on-sale-system";

export { openingCharges } from "./money-commands";
export type { Real } from "./command-kit";

const fanIndex = fc.integer({ min: 0, max: FANS - 1 });
const concert = fc.integer({ min: 0, max: CONCERT_NAMES.length - 1 });
const fanAndConcert = fc.tuple(fanIndex, concert);
/** A seat of a concert's booked date, counted across its sections (taken modulo its seats). */
const seatPick = fc.nat({ max: 63 });
const pick = fc.nat({ max: 15 });

const join = fanAndConcert.map(([fan, at]) => new Join(fan, at));
/** One to three seats: in the arena they mostly lie in different sections, and two holds can pass the four-seat limit. */
const hold = fc
  .tuple(fanIndex, concert, fc.uniqueArray(seatPick, { minLength: 1, maxLength: 3 }))
  .map(([fan, at, seats]) => new Hold(fan, at, seats));
const charge = fc
  .tuple(
    fanIndex,
    chargeAmount,
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
    concert,
    fc.nat({ max: 0xffff }),
    fc.oneof(
      fc.boolean().map<PayKeyChoice>((isSentTwiceAtOnce) => ({ kind: "new", isSentTwiceAtOnce })),
      pick.map<PayKeyChoice>((index) => ({ kind: "retry", pick: index })),
    ),
  )
  .map(([fan, at, mask, key]) => new Pay(fan, at, mask, key));

/**
 * A fan going through the funnel in one go: join, look at the sections and a
 * section's seats, hold seats (twice: in the arena the two holds mostly span
 * sections and may pass the four-seat limit), pay, and sometimes cancel a
 * ticket. Each step is checked as it would be alone; it only gets runs deep
 * enough to sell, refund and hit the limits often.
 */
class Funnel implements Command {
  constructor(readonly steps: Command[]) {}
  check = () => true;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    for (const step of this.steps) if (step.check(model)) await step.run(model, real);
  }
  toString = () => `Funnel[${this.steps.map(String).join(", ")}]`;
}

const seats = fc.uniqueArray(seatPick, { minLength: 1, maxLength: 3 });
const funnel = fc
  .tuple(fanIndex, concert, pick, seats, seats, fc.nat({ max: 0xffff }), fc.option(pick, { freq: 2 }))
  .map(
    ([fan, at, section, first, second, mask, cancel]) =>
      new Funnel([
        new Join(fan, at),
        new ListSections(fan, at),
        new ListSeats(fan, at, section),
        new Hold(fan, at, first),
        new Hold(fan, at, second),
        new Pay(fan, at, mask, { kind: "new", isSentTwiceAtOnce: false }),
        ...(cancel === null ? [] : [new CancelTicket(fan, at, cancel)]),
      ]),
  );

/** fc.commands draws each arbitrary alike: the steps of the buying funnel appear more than once, so runs get far enough to pay. */
export const onSaleCommands: fc.Arbitrary<Command>[] = [
  funnel,
  funnel,
  join,
  join,
  fanAndConcert.map(([fan, at]) => new Poll(fan, at)),
  fanAndConcert.map(([fan, at]) => new Leave(fan, at)),
  fanAndConcert.map(([fan, at]) => new ListDates(fan, at)),
  fanAndConcert.map(([fan, at]) => new ListSections(fan, at)),
  fanAndConcert.map(([fan, at]) => new ListSeats(fan, at)),
  fc.tuple(fanIndex, concert, pick).map(([fan, at, section]) => new ListSeats(fan, at, section)),
  hold,
  hold,
  hold,
  fc
    .tuple(fanIndex, fc.integer({ min: 1, max: FANS - 1 }), concert, seatPick)
    .map(([fan, offset, at, seat]) => new RaceForSeat([fan, (fan + offset) % FANS], at, seat)),
  fc.tuple(fanIndex, concert, pick).map(([fan, at, reservation]) => new Release(fan, at, reservation)),
  charge,
  charge,
  pay,
  pay,
  pay,
  fanIndex.map((fan) => new ReadWallet(fan)),
  fc.tuple(fanIndex, concert, pick).map(([fan, at, reservation]) => new CancelTicket(fan, at, reservation)),
  pick.map((payment) => new RefundPayment(payment)),
  fc.tuple(concert, fc.boolean()).map(([at, isPaused]) => new PauseRoom(at, isPaused)),
  fc.constantFrom(100, 300).map((seconds) => new AdvanceTime(seconds)),
  fc.constant(new RunCron()),
];
