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
  const boxes = stackedBoxes(rowCounts);
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
      ...boxes[index]!,
    };
    firstRow += rows;
    return section;
  });
}

export type SectionBox = Pick<VenueSectionSpec, "x" | "y" | "width" | "height" | "rotation">;

/**
 * The default placement of sections in the drawing: stacked front to back
 * below the stage, full width, each as tall as its share of the rows. Halls
 * are laid out this way, and so is any section an operator gives no box.
 */
export function stackedBoxes(rowsPerSection: readonly number[]): SectionBox[] {
  const totalRows = rowsPerSection.reduce((sum, rows) => sum + rows, 0);
  let firstRow = 0;
  return rowsPerSection.map((rows) => {
    const share = (800 * rows) / totalRows;
    // A 10-unit gap between sections, unless the section is too thin to spare it.
    const box = { x: 100, y: 150 + (800 * firstRow) / totalRows, width: 800, height: Math.max(share - 10, share / 2), rotation: 0 };
    firstRow += rows;
    return box;
  });
}

/** The price of each grade, as concert_prices holds it. */
export function gradePrices(grades: readonly GradeRange[]): Record<string, number> {
  return Object.fromEntries(grades.map(({ grade, price }) => [grade, price]));
}
