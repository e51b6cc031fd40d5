import { describe, expect, it } from "vitest";
import { availabilityOf, gradeSummaries, gridRows, hasAisleBefore, nextGridPosition, toggleSeat, type SectionShape } from "@/lib/booking/seat-layout";

const VIP: SectionShape = { id: "vip", name: "VIP석", rowLabels: ["A", "B"], rowLengths: [4, 4], aislesAfter: [] };
const FLOOR: SectionShape = { id: "floor", name: "A구역", rowLabels: ["1", "2"], rowLengths: [4, 6], aislesAfter: [2] };

/** Seats numbered like create_performance_seats: section by section, front row first, left to right. */
function seatsOf(...sections: SectionShape[]) {
  let number = 0;
  return sections.flatMap((section) =>
    section.rowLabels.flatMap((row, index) => Array.from({ length: section.rowLengths[index]! }, () => ({ number: ++number, sectionId: section.id, row }))),
  );
}

describe("seat grid", () => {
  it("draws each section's rows front to back, seats left to right by number", () => {
    const seats = seatsOf(VIP, FLOOR).reverse();
    const rows = gridRows([VIP, FLOOR], seats);
    expect(rows.map((row) => [row.sectionId, row.label, row.seats.map((seat) => seat.number)])).toEqual([
      ["vip", "A", [1, 2, 3, 4]],
      ["vip", "B", [5, 6, 7, 8]],
      ["floor", "1", [9, 10, 11, 12]],
      ["floor", "2", [13, 14, 15, 16, 17, 18]],
    ]);
  });

  it("centres rows on the widest and leaves half a seat for an aisle", () => {
    const rows = gridRows([FLOOR], seatsOf(FLOOR));
    // Row 2 is 6 seats + an aisle = 6.5 wide; row 1 is 4.5 wide, so it starts 1 seat in.
    expect(rows[1]!.xs).toEqual([0, 1, 2.5, 3.5, 4.5, 5.5]);
    expect(rows[0]!.xs).toEqual([1, 2, 3.5, 4.5]);
    expect([1, 2, 3].map((position) => hasAisleBefore(position, FLOOR.aislesAfter))).toEqual([false, false, true]);
  });

  it("leaves out rows whose seats are not loaded", () => {
    expect(gridRows([VIP, FLOOR], seatsOf(FLOOR)).map((row) => row.sectionId)).toEqual(["floor", "floor"]);
  });

  it("moves along a row, to its ends, and to the nearest seat of the next row", () => {
    const rows = gridRows([FLOOR], seatsOf(FLOOR));
    expect(nextGridPosition(rows, { row: 0, seat: 1 }, "ArrowRight")).toEqual({ row: 0, seat: 2 });
    expect(nextGridPosition(rows, { row: 0, seat: 3 }, "ArrowRight")).toBeNull();
    expect(nextGridPosition(rows, { row: 0, seat: 0 }, "ArrowLeft")).toBeNull();
    expect(nextGridPosition(rows, { row: 1, seat: 2 }, "Home")).toEqual({ row: 1, seat: 0 });
    expect(nextGridPosition(rows, { row: 1, seat: 2 }, "End")).toEqual({ row: 1, seat: 5 });
    // Seat 1 of row 1 sits above seat 2 of row 2 (the rows are centred).
    expect(nextGridPosition(rows, { row: 0, seat: 0 }, "ArrowDown")).toEqual({ row: 1, seat: 1 });
    expect(nextGridPosition(rows, { row: 1, seat: 5 }, "ArrowUp")).toEqual({ row: 0, seat: 3 });
    expect(nextGridPosition(rows, { row: 0, seat: 0 }, "ArrowUp")).toBeNull();
    expect(nextGridPosition(rows, { row: 0, seat: 0 }, "a")).toBeNull();
  });

  it("moves down from one section into the next", () => {
    const rows = gridRows([VIP, FLOOR], seatsOf(VIP, FLOOR));
    expect(nextGridPosition(rows, { row: 1, seat: 0 }, "ArrowDown")).toEqual({ row: 2, seat: 0 });
  });
});

describe("venue drawing", () => {
  it("colours a section by the share of its seats still free", () => {
    expect(availabilityOf(120, 200)).toBe("plenty");
    expect(availabilityOf(99, 200)).toBe("some");
    expect(availabilityOf(39, 200)).toBe("few");
    expect(availabilityOf(0, 200)).toBe("none");
    expect(availabilityOf(0, 0)).toBe("none");
  });

  it("sums each grade's sections, dearest first, leaving out sections without seats", () => {
    const sections = [
      { grade: "R", price: 110_000, totalSeats: 100, availableSeats: 10 },
      { grade: "VIP", price: 150_000, totalSeats: 50, availableSeats: 5 },
      { grade: "R", price: 110_000, totalSeats: 80, availableSeats: 0 },
      { grade: "S", price: null, totalSeats: 0, availableSeats: 0 },
    ];
    expect(gradeSummaries(sections)).toEqual([
      { grade: "VIP", price: 150_000, totalSeats: 50, availableSeats: 5 },
      { grade: "R", price: 110_000, totalSeats: 180, availableSeats: 10 },
    ]);
  });
});

describe("selection", () => {
  const [a, b, c] = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("toggles seats up to the limit and refuses one more", () => {
    expect(toggleSeat([], a, 2)).toEqual({ selected: [a], isOverLimit: false });
    expect(toggleSeat([a, b], c, 2)).toEqual({ selected: [a, b], isOverLimit: true });
    expect(toggleSeat([a, b], a, 2)).toEqual({ selected: [b], isOverLimit: false });
    expect(toggleSeat([], a, 0)).toEqual({ selected: [], isOverLimit: true });
  });
});
