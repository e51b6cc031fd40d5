import { AppError } from "@/lib/errors";

/** Why hold_seats (the claim's SQL function) held nothing, in the order API clients see them. */
export type HoldRefusal = "FOREIGN_SEATS" | "BOOKING_CLOSED" | "HOLD_LIMIT" | "SEAT_UNAVAILABLE";

export function seatUnavailable(seatIds: string[]): AppError {
  return new AppError("SEAT_UNAVAILABLE", "Some of the seats are held by someone else or sold.", { details: { seatIds } });
}

/**
 * The answer for a refused hold: seats not of this performance (422, named),
 * booking closed, over the per-fan limit (with the fan's count), seats taken
 * (409, named). The database picks the first reason that applies.
 */
export function holdRefusalError(
  refusal: HoldRefusal,
  facts: { seatIds: string[]; liveHolds: number; maxHolds: number },
): AppError {
  switch (refusal) {
    case "FOREIGN_SEATS":
      return new AppError("VALIDATION_FAILED", "Some seats are not part of this performance.", {
        details: { fields: { seatIds: ["Some seats are not part of this performance."] }, seatIds: facts.seatIds },
      });
    case "BOOKING_CLOSED":
      return new AppError("BOOKING_CLOSED", "This performance is not on sale.");
    case "HOLD_LIMIT":
      return new AppError("HOLD_LIMIT", `At most ${facts.maxHolds} seats per performance can be held at once.`, {
        details: { limit: facts.maxHolds, currentHolds: facts.liveHolds },
      });
    case "SEAT_UNAVAILABLE":
      return seatUnavailable(facts.seatIds);
  }
}
