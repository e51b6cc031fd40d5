import { describe, expect, it } from "vitest";
import { assertHoldable } from "@/lib/booking/hold-refusals";
import { AppError } from "@/lib/errors";

function refusal(facts: Parameters<typeof assertHoldable>[0]): { code: string; details: unknown } | null {
  try {
    assertHoldable(facts);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, details: error.details };
  }
}

const open = { isOnSale: true, foreignSeatIds: [] };

describe("assertHoldable", () => {
  it("lets a request through when nothing speaks against it", () => {
    expect(refusal({ ...open, takenSeatIds: [], limit: { liveHolds: 2, requested: 2, max: 4 } })).toBeNull();
  });

  it("names seats of another performance before anything else", () => {
    expect(refusal({ isOnSale: false, foreignSeatIds: ["x"], takenSeatIds: ["y"] })).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { seatIds: ["x"] },
    });
  });

  it("answers BOOKING_CLOSED before the limit and taken seats", () => {
    expect(refusal({ isOnSale: false, foreignSeatIds: [], takenSeatIds: ["y"], limit: { liveHolds: 4, requested: 1, max: 4 } })?.code).toBe(
      "BOOKING_CLOSED",
    );
  });

  it("answers HOLD_LIMIT past the limit, with the fan's count", () => {
    expect(refusal({ ...open, limit: { liveHolds: 3, requested: 2, max: 4 } })).toEqual({
      code: "HOLD_LIMIT",
      details: { limit: 4, currentHolds: 3 },
    });
  });

  it("names the taken seats", () => {
    expect(refusal({ ...open, takenSeatIds: ["a", "b"] })).toEqual({ code: "SEAT_UNAVAILABLE", details: { seatIds: ["a", "b"] } });
  });
});
