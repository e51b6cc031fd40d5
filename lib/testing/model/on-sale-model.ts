// The model of the on-sale model test: what a fan's places in line, a seat and
// a wallet should be, written from the rules in docs/API.md and the decision
// records, not from the code. Each concert has its own line and its own
// seats; a fan has a place (a turn) in each line and one wallet.
// Time is the model's own (seconds since the run began, moved only by the
// AdvanceTime command); real time passing during a run (well under the
// shortest window) only ever makes a deadline a few milliseconds later, so
// `now - since >= window` decides exactly when each command runs.
import { env } from "@/lib/env";
import { ROOM } from "./on-sale-system";

export type Place = "NONE" | "WAITING" | "ADMITTED" | "ENDED";
export type EndReason = "LEFT" | "PAID" | "ABANDONED" | "EXPIRED";

export type StoredAnswer = { status: number; body: unknown };

/** A fan's place in one concert's line. */
export type Turn = {
  token?: string;
  tokenId?: string;
  ticket?: number;
  /** The token carries its admission end (adm): polls are then answered from the token alone. */
  tokenHasAdmission: boolean;
  /** Model time when the fan was handed the current token. */
  tokenIssuedAt: number;
  place: Place;
  endReason?: EndReason;
  admittedAt: number;
  isClaimed: boolean;
};

export type FanModel = {
  /** One per concert, in the order of OnSaleModel.concerts. */
  turns: Turn[];
  balance: number;
  /** Idempotency keys and what they asked; `answer` once one succeeded (only successes are stored). */
  chargeKeys: Map<string, { amount: number; answer?: StoredAnswer }>;
  payKeys: Map<string, { concert: number; reservationIds: string[]; answer?: StoredAnswer }>;
  payments: number;
};

export type SectionModel = { id: string; seatIds: string[] };

/** A concert: its line, the date the model books (its seats, section by section) and the dates only listed. */
export type ConcertModel = {
  name: string;
  lastTicket: number;
  /** The highest ticket ever admitted. */
  servingCounter: number;
  /** The operator paused admission: lapsed turns still end, nobody new is let in. */
  isPaused: boolean;
  performanceIds: string[];
  /** The booked date's seats in seat-number order. */
  seatIds: string[];
  sections: SectionModel[];
};

export type ReservationStatus = "HELD" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
/** A refunded seat is CANCELLED and keeps its payment; a released hold is CANCELLED without one. */
export type ReservationModel = {
  id: string;
  seatId: string;
  fan: number;
  concert: number;
  status: ReservationStatus;
  heldAt: number;
  paymentId?: string;
};
export type PaymentModel = { id: string; fan: number; reservationIds: string[] };

export type OnSaleModel = {
  now: number;
  fans: FanModel[];
  concerts: ConcertModel[];
  reservations: ReservationModel[];
  payments: PaymentModel[];
  seatPrice: Map<string, number>;
};

export type ConcertLayout = {
  name: string;
  performanceIds: string[];
  sections: SectionModel[];
  seats: { id: string; price: number }[];
};

const newTurn = (): Turn => ({ tokenHasAdmission: false, tokenIssuedAt: 0, place: "NONE", admittedAt: 0, isClaimed: false });

export function initialModel(fans: number, concerts: ConcertLayout[]): OnSaleModel {
  return {
    now: 0,
    fans: Array.from({ length: fans }, () => ({
      turns: concerts.map(newTurn),
      balance: 0,
      chargeKeys: new Map(),
      payKeys: new Map(),
      payments: 0,
    })),
    concerts: concerts.map((concert) => ({
      name: concert.name,
      lastTicket: 0,
      servingCounter: 0,
      isPaused: false,
      performanceIds: concert.performanceIds,
      seatIds: concert.seats.map((seat) => seat.id),
      sections: concert.sections,
    })),
    reservations: [],
    payments: [],
    seatPrice: new Map(concerts.flatMap((concert) => concert.seats.map((seat) => [seat.id, seat.price] as const))),
  };
}

export const holdTtlSeconds = () => env().HOLD_TTL_SECONDS;
export const maxHoldsPerPerformance = () => env().MAX_HOLDS_PER_PERFORMANCE;

export function isLiveHold(model: OnSaleModel, reservation: ReservationModel): boolean {
  return reservation.status === "HELD" && model.now - reservation.heldAt < holdTtlSeconds();
}

export function isStaleHold(model: OnSaleModel, reservation: ReservationModel): boolean {
  return reservation.status === "HELD" && !isLiveHold(model, reservation);
}

/** An admitted turn lapses when its window ends, or, never claimed, when its claim window ends first. */
export function hasLapsed(model: OnSaleModel, turn: Turn): boolean {
  if (turn.place !== "ADMITTED") return false;
  const age = model.now - turn.admittedAt;
  return age >= ROOM.admissionWindowSeconds || (!turn.isClaimed && age >= ROOM.claimWindowSeconds);
}

export const isAdmittedLive = (model: OnSaleModel, turn: Turn) => turn.place === "ADMITTED" && !hasLapsed(model, turn);

export type SeatState = "AVAILABLE" | "HELD" | "SOLD";

export function seatState(model: OnSaleModel, seatId: string): { state: SeatState; holder?: number } {
  const sold = model.reservations.find((row) => row.seatId === seatId && row.status === "CONFIRMED");
  if (sold) return { state: "SOLD", holder: sold.fan };
  const held = model.reservations.find((row) => row.seatId === seatId && isLiveHold(model, row));
  return held ? { state: "HELD", holder: held.fan } : { state: "AVAILABLE" };
}

export const countSeats = (model: OnSaleModel, seatIds: string[], state: SeatState) =>
  seatIds.filter((seatId) => seatState(model, seatId).state === state).length;

/** The fan's live holds of the concert's booked date: the per-date limit counts them across sections. */
export const liveHoldsOf = (model: OnSaleModel, fan: number, concert: number) =>
  model.reservations.filter((row) => row.fan === fan && row.concert === concert && isLiveHold(model, row)).length;

const turnsOf = (model: OnSaleModel, concert: number) => model.fans.map((fan) => fan.turns[concert]!);

/** Ends lapsed turns of the concert (of one turn, or all) as the leader and the cron do: ABANDONED if never claimed, else EXPIRED. */
export function endLapsed(model: OnSaleModel, concert: number, only?: Turn): void {
  for (const turn of turnsOf(model, concert)) {
    if (!hasLapsed(model, turn) || (only && turn !== only)) continue;
    turn.place = "ENDED";
    turn.endReason = turn.isClaimed ? "EXPIRED" : "ABANDONED";
  }
}

/**
 * One admission step of a concert's room (join, poll and cron each run one):
 * lapsed turns end, then, unless the room is paused, the lowest waiting
 * tickets are admitted while admitted-and-live fans stay within the capacity.
 */
export function settleRoom(model: OnSaleModel, concert: number): void {
  endLapsed(model, concert);
  const room = model.concerts[concert]!;
  if (room.isPaused) return;
  const turns = turnsOf(model, concert);
  let free = ROOM.capacity - turns.filter((turn) => turn.place === "ADMITTED").length;
  const waiting = turns.filter((turn) => turn.place === "WAITING").sort((a, b) => a.ticket! - b.ticket!);
  for (const turn of waiting) {
    if (free <= 0) break;
    Object.assign(turn, { place: "ADMITTED", admittedAt: model.now, isClaimed: false });
    room.servingCounter = Math.max(room.servingCounter, turn.ticket!);
    free -= 1;
  }
}

export const liveAdmittedCount = (model: OnSaleModel, concert: number) =>
  turnsOf(model, concert).filter((turn) => isAdmittedLive(model, turn)).length;

/**
 * A process re-reads a room (a poll or a join does, its snapshot being
 * stale): it runs an admission step only when one could change something,
 * that is when tickets wait beyond the counter and a place is free or a turn
 * has lapsed. A lapsed turn with nobody behind it is left as it is, and a
 * paused room is left alone.
 */
export function refreshRoom(model: OnSaleModel, concert: number): void {
  const room = model.concerts[concert]!;
  if (room.isPaused) return;
  const hasLapsedTurn = turnsOf(model, concert).some((turn) => hasLapsed(model, turn));
  if (room.lastTicket > room.servingCounter && (liveAdmittedCount(model, concert) < ROOM.capacity || hasLapsedTurn)) settleRoom(model, concert);
}

/** The guard of booking and payment endpoints: the answer a fan gets when their turn does not admit them, or null. */
export function guardRefusal(model: OnSaleModel, turn: Turn): { status: number; code: string } | null {
  if (!turn.token) return { status: 401, code: "INVALID_QUEUE_TOKEN" };
  if (turn.place === "WAITING") return { status: 403, code: "NOT_ADMITTED" };
  if (!isAdmittedLive(model, turn)) return { status: 410, code: "QUEUE_TOKEN_EXPIRED" };
  return null;
}

/** Marks stale holds EXPIRED, as the cron does (and hold_seats does for the seats it claims). */
export function expireStaleHolds(model: OnSaleModel, seatIds?: string[]): void {
  for (const row of model.reservations) {
    if (isStaleHold(model, row) && (!seatIds || seatIds.includes(row.seatId))) row.status = "EXPIRED";
  }
}
