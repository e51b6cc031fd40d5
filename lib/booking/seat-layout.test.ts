import { describe, expect, it } from "vitest";
import { gradeTiers, groupIntoRows, rowLabel, seatPlace, toggleSeat } from "@/lib/booking/seat-layout";

describe("seat layout", () => {
  it("labels rows A to Z, then AA, AB", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(rowLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });

  it("places ten seats per row", () => {
    expect(seatPlace(1)).toEqual({ row: "A", rowIndex: 0, column: 1 });
    expect(seatPlace(10)).toEqual({ row: "A", rowIndex: 0, column: 10 });
    expect(seatPlace(11)).toEqual({ row: "B", rowIndex: 1, column: 1 });
    expect(seatPlace(47)).toEqual({ row: "E", rowIndex: 4, column: 7 });
  });

  it("groups seats into rows in number order, keeping gaps in numbering", () => {
    const rows = groupIntoRows([{ number: 12 }, { number: 2 }, { number: 1 }, { number: 31 }]);
    expect(rows.map((row) => [row.label, row.seats.map((seat) => seat.number)])).toEqual([
      ["A", [1, 2]],
      ["B", [12]],
      ["D", [31]],
    ]);
  });

  it("lists each grade once with its price, dearest first", () => {
    const seats = [
      { grade: "S", price: 80_000 },
      { grade: "VIP", price: 150_000 },
      { grade: "R", price: 110_000 },
      { grade: "VIP", price: 150_000 },
    ];
    expect(gradeTiers(seats)).toEqual([
      { grade: "VIP", price: 150_000 },
      { grade: "R", price: 110_000 },
      { grade: "S", price: 80_000 },
    ]);
  });

  it("toggles seats up to the limit and refuses one more", () => {
    expect(toggleSeat([], "a", 2)).toEqual({ selected: ["a"], isOverLimit: false });
    expect(toggleSeat(["a", "b"], "c", 2)).toEqual({ selected: ["a", "b"], isOverLimit: true });
    expect(toggleSeat(["a", "b"], "a", 2)).toEqual({ selected: ["b"], isOverLimit: false });
    expect(toggleSeat([], "a", 0)).toEqual({ selected: [], isOverLimit: true });
  });
});
