// Small halls drawn as the seat map always drew them: one section per grade,
// rows of ten labelled A, B, C… across the hall, the stage at the top. The seed,
// the test kits and the bench build their 50-seat halls with this; the
// migration that introduced venues laid out the concerts of that day the same
// way (prisma/migrations/20261129173000_venues, docs/decisions/100).
// Plain data: no server-only import, so e2e fixtures and scripts use it too.

/** A section as create_venue takes it (prisma/functions/create_venue.sql). */
export type VenueSectionSpec = {
  name: string;
  grade: string;
  /** Front to back. */
  rowLabels: string[];
  /** Seats in each row, front to back. */
  rowLengths: number[];
  /** Seat positions in a row after which an aisle is drawn. */
  aislesAfter: number[];
  /** The section's box in the venue drawing's 1000 × 1000 view box. */
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
};

/** Seats from…to (inclusive) of one grade, at one price in won. */
export type GradeRange = { grade: string; from: number; to: number; price: number };

export const HALL_SEATS_PER_ROW = 10;

/** Row i of a hall (0-based): A…Z, then 27, 28… */
export function hallRowLabel(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/**
 * The sections of a hall whose seats are numbered 1…N in grade ranges, in
 * seat-number order: "<grade>석", rows of ten, stacked below the stage. The
 * seats create_performance_seats makes from them keep the numbers of the
 * ranges when the ranges are contiguous from 1.
 */
export function hallSections(grades: readonly GradeRange[]): VenueSectionSpec[] {
  const ordered = [...grades].sort((a, b) => a.from - b.from);
  const rowCounts = ordered.map(({ from, to }) => Math.ceil((to - from + 1) / HALL_SEATS_PER_ROW));
  const hallRows = rowCounts.reduce((sum, rows) => sum + rows, 0);
  let firstRow = 0;
  return ordered.map(({ grade, from, to }, index) => {
    const seats = to - from + 1;
    const rows = rowCounts[index]!;
    const section: VenueSectionSpec = {
      name: `${grade}석`,
      grade,
      rowLabels: Array.from({ length: rows }, (_, row) => hallRowLabel(firstRow + row)),
      rowLengths: Array.from({ length: rows }, (_, row) => Math.min(HALL_SEATS_PER_ROW, seats - row * HALL_SEATS_PER_ROW)),
      aislesAfter: [],
      x: 100,
      y: 150 + (800 * firstRow) / hallRows,
      width: 800,
      height: (800 * rows) / hallRows - 10,
      rotation: 0,
    };
    firstRow += rows;
    return section;
  });
}

/** The price of each grade, as concert_prices holds it. */
export function gradePrices(grades: readonly GradeRange[]): Record<string, number> {
  return Object.fromEntries(grades.map(({ grade, price }) => [grade, price]));
}
