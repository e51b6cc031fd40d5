import { describe, expect, it } from "vitest";
import { remainingToRefund } from "@/lib/admin/remaining-to-refund";

const seat = (price: number, status: "CONFIRMED" | "CANCELLED", label = "A구역 1열 1번") => ({
  reservationId: `${label}-${price}-${status}`,
  label,
  performanceId: "p1",
  startsAt: "2026-12-07T10:00:00.000Z",
  price,
  status,
});

describe("remainingToRefund", () => {
  it("counts the seats still sold and what refunding them gives back", () => {
    expect(remainingToRefund({ seats: [seat(150_000, "CONFIRMED"), seat(90_000, "CONFIRMED")] })).toEqual({ seatCount: 2, amount: 240_000 });
  });

  it("leaves out the seats the fan cancelled already", () => {
    expect(remainingToRefund({ seats: [seat(150_000, "CANCELLED"), seat(90_000, "CONFIRMED")] })).toEqual({ seatCount: 1, amount: 90_000 });
  });

  it("has nothing left once every seat is refunded", () => {
    expect(remainingToRefund({ seats: [seat(150_000, "CANCELLED"), seat(90_000, "CANCELLED")] })).toEqual({ seatCount: 0, amount: 0 });
  });
});
