// The model of the on-sale model test: what a fan, a seat and a wallet should
// be, written from the rules in docs/API.md and the decision records, not from
// the code. Time is the model's own (seconds since the run began, moved only by
// the AdvanceTime command); real time passing during a run (well under the
// shortest window) only ever makes a deadline a few milliseconds later, so
// `now - since >= window` decides exactly when each command runs.
import { env } from "@/lib/env";
import { ROOM } from "./on-sale-system";

export type Place = "NONE" | "WAITING" | "ADMITTED" | "ENDED";
export type EndReason = "LEFT" | "PAID" | "ABANDONED" | "EXPIRED";

export type StoredAnswer = { status: number; body: unknown };

export type FanModel = {
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
  balance: number;
  /** Idempotency keys and what they asked; `answer` once one succeeded (only successes are stored). */
  chargeKeys: Map<string, { amount: number; answer?: StoredAnswer }>;
  payKeys: Map<string, { reservationIds: string[]; answer?: StoredAnswer }>;
  payments: number;
};

export type ReservationStatus = "HELD" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
/** A refunded seat is CANCELLED and keeps its payment; a released hold is CANCELLED without one. */
export type ReservationModel = { id: string; seatId: string; fan: number; status: ReservationStatus; heldAt: number; paymentId?: string };
export type PaymentModel = { id: string; fan: number; reservationIds: string[] };

export type OnSaleModel = {
  now: number;
  fans: FanModel[];
  reservations: ReservationModel[];
  payments: PaymentModel[];
  lastTicket: number;
  /** The highest ticket ever admitted. */
  servingCounter: number;
  /** The operator paused admission: lapsed turns still end, nobody new is let in. */
  isPaused: boolean;
  seatIds: string[];
  seatPrice: Map<string, number>;
};

export function initialModel(fans: number, seats: { id: string; price: number }[]): OnSaleModel {
  return {
    now: 0,
    fans: Array.from({ length: fans }, () => ({
      tokenHasAdmission: false,
      tokenIssuedAt: 0,
      place: "NONE" as Place,
      admittedAt: 0,
      isClaimed: false,
      balance: 0,
      chargeKeys: new Map(),
      payKeys: new Map(),
      payments: 0,
    })),
    reservations: [],
    payments: [],
    lastTicket: 0,
    servingCounter: 0,
    isPaused: false,
    seatIds: seats.map((seat) => seat.id),
    seatPrice: new Map(seats.map((seat) => [seat.id, seat.price])),
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
export function hasLapsed(model: OnSaleModel, fan: FanModel): boolean {
  if (fan.place !== "ADMITTED") return false;
  const age = model.now - fan.admittedAt;
  return age >= ROOM.admissionWindowSeconds || (!fan.isClaimed && age >= ROOM.claimWindowSeconds);
}

export const isAdmittedLive = (model: OnSaleModel, fan: FanModel) => fan.place === "ADMITTED" && !hasLapsed(model, fan);

export type SeatState = "AVAILABLE" | "HELD" | "SOLD";

export function seatState(model: OnSaleModel, seatId: string): { state: SeatState; holder?: number } {
  const sold = model.reservations.find((row) => row.seatId === seatId && row.status === "CONFIRMED");
  if (sold) return { state: "SOLD", holder: sold.fan };
  const held = model.reservations.find((row) => row.seatId === seatId && isLiveHold(model, row));
  return held ? { state: "HELD", holder: held.fan } : { state: "AVAILABLE" };
}

export const liveHoldsOf = (model: OnSaleModel, fan: number) =>
  model.reservations.filter((row) => row.fan === fan && isLiveHold(model, row)).length;

/** Ends lapsed turns (of one fan, or all) as the leader and the cron do: ABANDONED if never claimed, else EXPIRED. */
export function endLapsed(model: OnSaleModel, only?: FanModel): void {
  for (const fan of model.fans) {
    if (!hasLapsed(model, fan) || (only && fan !== only)) continue;
    fan.place = "ENDED";
    fan.endReason = fan.isClaimed ? "EXPIRED" : "ABANDONED";
  }
}

/**
 * One admission step of the room (join, poll and cron each run one): lapsed
 * turns end, then, unless the room is paused, the lowest waiting tickets are
 * admitted while admitted-and-live fans stay within the capacity.
 */
export function settleRoom(model: OnSaleModel): void {
  endLapsed(model);
  if (model.isPaused) return;
  let free = ROOM.capacity - model.fans.filter((fan) => fan.place === "ADMITTED").length;
  const waiting = model.fans.filter((fan) => fan.place === "WAITING").sort((a, b) => a.ticket! - b.ticket!);
  for (const fan of waiting) {
    if (free <= 0) break;
    fan.place = "ADMITTED";
    fan.admittedAt = model.now;
    fan.isClaimed = false;
    model.servingCounter = Math.max(model.servingCounter, fan.ticket!);
    free -= 1;
  }
}

export const liveAdmittedCount = (model: OnSaleModel) => model.fans.filter((fan) => isAdmittedLive(model, fan)).length;

/**
 * A process re-reads the room (a poll or a join does, its snapshot being
 * stale): it runs an admission step only when one could change something,
 * that is when tickets wait beyond the counter and a place is free or a turn
 * has lapsed. A lapsed turn with nobody behind it is left as it is, and a
 * paused room is left alone.
 */
export function refreshRoom(model: OnSaleModel): void {
  if (model.isPaused) return;
  const hasLapsedTurn = model.fans.some((fan) => hasLapsed(model, fan));
  if (model.lastTicket > model.servingCounter && (liveAdmittedCount(model) < ROOM.capacity || hasLapsedTurn)) settleRoom(model);
}

/** The guard of booking and payment endpoints: the answer a fan gets when it does not admit them, or null. */
export function guardRefusal(model: OnSaleModel, fan: FanModel): { status: number; code: string } | null {
  if (!fan.token) return { status: 401, code: "INVALID_QUEUE_TOKEN" };
  if (fan.place === "WAITING") return { status: 403, code: "NOT_ADMITTED" };
  if (!isAdmittedLive(model, fan)) return { status: 410, code: "QUEUE_TOKEN_EXPIRED" };
  return null;
}

/** Marks stale holds EXPIRED, as the cron does (and hold_seats does for the seats it claims). */
export function expireStaleHolds(model: OnSaleModel, seatIds?: string[]): void {
  for (const row of model.reservations) {
    if (isStaleHold(model, row) && (!seatIds || seatIds.includes(row.seatId))) row.status = "EXPIRED";
  }
}
