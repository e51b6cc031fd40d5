import { AppError } from "@/lib/errors";

/** What is known about a hold request before (or while) it claims seats. */
export type HoldFacts = {
  isOnSale: boolean;
  foreignSeatIds: string[];
  /** Seats already taken, when known. */
  takenSeatIds?: string[];
  /** The fan's live holds of the performance and the limit, when known (under the fan's lock). */
  limit?: { liveHolds: number; requested: number; max: number };
};

export function seatUnavailable(seatIds: string[]): AppError {
  return new AppError("SEAT_UNAVAILABLE", "Some of the seats are held by someone else or sold.", { details: { seatIds } });
}

/**
 * Throws the first reason the hold cannot happen, in the order API clients
 * see them: seats not of this performance (422), booking closed, over the
 * per-fan limit, seats taken (409).
 */
export function assertHoldable(facts: HoldFacts): void {
  if (facts.foreignSeatIds.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Some seats are not part of this performance.", {
      details: { fields: { seatIds: ["Some seats are not part of this performance."] }, seatIds: facts.foreignSeatIds },
    });
  }
  if (!facts.isOnSale) throw new AppError("BOOKING_CLOSED", "This performance is not on sale.");
  if (facts.limit && facts.limit.liveHolds + facts.limit.requested > facts.limit.max) {
    throw new AppError("HOLD_LIMIT", `At most ${facts.limit.max} seats per performance can be held at once.`, {
      details: { limit: facts.limit.max, currentHolds: facts.limit.liveHolds },
    });
  }
  if (facts.takenSeatIds && facts.takenSeatIds.length > 0) throw seatUnavailable(facts.takenSeatIds);
}
