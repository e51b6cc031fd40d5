import { describe, expect, it } from "vitest";
import { holdRefusalError } from "@/lib/booking/hold-refusals";

const facts = { seatIds: ["a", "b"], liveHolds: 3, maxHolds: 4 };

describe("holdRefusalError", () => {
  it("answers seats of another performance as a bad field, naming them", () => {
    const error = holdRefusalError("FOREIGN_SEATS", facts);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { seatIds: ["a", "b"], fields: { seatIds: [expect.any(String)] } } });
  });

  it("answers BOOKING_CLOSED without details", () => {
    expect(holdRefusalError("BOOKING_CLOSED", facts)).toMatchObject({ code: "BOOKING_CLOSED", details: undefined });
  });

  it("answers HOLD_LIMIT with the limit and the fan's count", () => {
    const error = holdRefusalError("HOLD_LIMIT", facts);
    expect(error).toMatchObject({ code: "HOLD_LIMIT", details: { limit: 4, currentHolds: 3 } });
    expect(error.message).toContain("4");
  });

  it("names the taken seats", () => {
    expect(holdRefusalError("SEAT_UNAVAILABLE", facts)).toMatchObject({ code: "SEAT_UNAVAILABLE", details: { seatIds: ["a", "b"] } });
  });
});
