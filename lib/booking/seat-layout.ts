// Pure helpers of the seat map, shared by the booking page and its tests.

/** Seats per drawn row; row A holds seats 1–10, row B 11–20, … */
export const SEATS_PER_ROW = 10;
/** A centre aisle after this many seats of a row. */
export const AISLE_AFTER = 5;

/** 0 → "A", 25 → "Z", 26 → "AA" */
export function rowLabel(rowIndex: number): string {
  let label = "";
  let index = rowIndex;
  do {
    label = String.fromCharCode(65 + (index % 26)) + label;
    index = Math.floor(index / 26) - 1;
  } while (index >= 0);
  return label;
}

export type SeatPlace = { row: string; rowIndex: number; column: number };

/** Where seat number n (1-based) sits on the map. */
export function seatPlace(seatNumber: number): SeatPlace {
  const rowIndex = Math.floor((seatNumber - 1) / SEATS_PER_ROW);
  return { row: rowLabel(rowIndex), rowIndex, column: ((seatNumber - 1) % SEATS_PER_ROW) + 1 };
}

/** Seats grouped into drawn rows, in seat-number order. */
export function groupIntoRows<T extends { number: number }>(seats: T[]): { label: string; seats: T[] }[] {
  const rows = new Map<number, T[]>();
  for (const seat of [...seats].sort((a, b) => a.number - b.number)) {
    const { rowIndex } = seatPlace(seat.number);
    rows.set(rowIndex, [...(rows.get(rowIndex) ?? []), seat]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([rowIndex, rowSeats]) => ({ label: rowLabel(rowIndex), seats: rowSeats }));
}

/** The grades on sale and their prices, dearest first. */
export function gradeTiers(seats: { grade: string; price: number }[]): { grade: string; price: number }[] {
  const tiers = new Map<string, number>();
  for (const seat of seats) tiers.set(seat.grade, Math.max(tiers.get(seat.grade) ?? 0, seat.price));
  return [...tiers.entries()].map(([grade, price]) => ({ grade, price })).sort((a, b) => b.price - a.price || a.grade.localeCompare(b.grade));
}

export type SelectionChange = { selected: string[]; isOverLimit: boolean };

/** Adds or removes a seat; adding past the limit leaves the selection as it was and says so. */
export function toggleSeat(selected: string[], seatId: string, limit: number): SelectionChange {
  if (selected.includes(seatId)) return { selected: selected.filter((id) => id !== seatId), isOverLimit: false };
  if (selected.length >= limit) return { selected, isOverLimit: true };
  return { selected: [...selected, seatId], isOverLimit: false };
}
