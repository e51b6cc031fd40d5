import { describe, expect, it } from "vitest";
import { deriveSaleStatus } from "@/lib/catalog/sale-status";

describe("deriveSaleStatus", () => {
  it("is ON_SALE when the room is open and a bookable performance has seats", () => {
    expect(deriveSaleStatus({ isRoomOpen: true, bookablePerformances: 3, soldOutBookablePerformances: 2 })).toBe("ON_SALE");
  });

  it("is OPENS_SOON before the room opens", () => {
    expect(deriveSaleStatus({ isRoomOpen: false, bookablePerformances: 2, soldOutBookablePerformances: 0 })).toBe("OPENS_SOON");
  });

  it("is SOLD_OUT when every bookable performance is sold, open room or not", () => {
    expect(deriveSaleStatus({ isRoomOpen: true, bookablePerformances: 2, soldOutBookablePerformances: 2 })).toBe("SOLD_OUT");
    expect(deriveSaleStatus({ isRoomOpen: false, bookablePerformances: 1, soldOutBookablePerformances: 1 })).toBe("SOLD_OUT");
  });

  it("is ENDED when nothing can be booked any more", () => {
    expect(deriveSaleStatus({ isRoomOpen: true, bookablePerformances: 0, soldOutBookablePerformances: 0 })).toBe("ENDED");
    expect(deriveSaleStatus({ isRoomOpen: false, bookablePerformances: 0, soldOutBookablePerformances: 0 })).toBe("ENDED");
  });
});
