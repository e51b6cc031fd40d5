// Pure helpers of the venue drawing and the seat grids, shared by the booking
// page and its tests. A section's seats are numbered front row first, left to
// right (prisma/functions/create_performance_seats.sql), so a seat's place in
// its row is its order among the row's seats by number.

/** The drawing fields of a section (docs/decisions/100). */
export type SectionShape = {
  id: string;
  name: string;
  /** Front to back. */
  rowLabels: string[];
  /** Seats in each row, front to back. */
  rowLengths: number[];
  /** Seat positions in a row after which an aisle is drawn. */
  aislesAfter: number[];
};

export type PlacedSeat = { number: number; sectionId: string; row: string };

/** One drawn row: its seats left to right, and where each sits across the grid. */
export type GridRow<T> = {
  key: string;
  sectionId: string;
  label: string;
  /** Left to right. */
  seats: T[];
  /** Horizontal place of each seat (same order), in seat widths from the grid's left edge; an aisle is half a seat. */
  xs: number[];
};

const AISLE_WIDTH = 0.5;

function rowWidth(length: number, aislesAfter: readonly number[]): number {
  return length + AISLE_WIDTH * aislesAfter.filter((after) => after > 0 && after < length).length;
}

/** Where seat position p (1-based) of a row sits, in seat widths from the row's left end. */
function seatOffset(position: number, aislesAfter: readonly number[]): number {
  return position - 1 + AISLE_WIDTH * aislesAfter.filter((after) => after < position).length;
}

/** Whether an aisle is drawn just before seat position p (1-based). */
export function hasAisleBefore(position: number, aislesAfter: readonly number[]): boolean {
  return position > 1 && aislesAfter.includes(position - 1);
}

/**
 * The rows of one or more sections stacked front to back, each row centred
 * on the widest: the seats of each row in order, with their horizontal place
 * (what the arrow keys use to go up and down). Rows without seats are left out.
 */
export function gridRows<T extends PlacedSeat>(sections: readonly SectionShape[], seats: readonly T[]): GridRow<T>[] {
  const byRow = new Map<string, T[]>();
  for (const seat of [...seats].sort((a, b) => a.number - b.number)) {
    const key = `${seat.sectionId}\u0000${seat.row}`;
    const row = byRow.get(key);
    if (row) row.push(seat);
    else byRow.set(key, [seat]);
  }
  const drawn = sections.flatMap((section) =>
    section.rowLabels.flatMap((label) => {
      const key = `${section.id}\u0000${label}`;
      const rowSeats = byRow.get(key);
      return rowSeats ? [{ key, section, label, seats: rowSeats }] : [];
    }),
  );
  const widest = Math.max(0, ...drawn.map((row) => rowWidth(row.seats.length, row.section.aislesAfter)));
  return drawn.map(({ key, section, label, seats: rowSeats }) => {
    const indent = (widest - rowWidth(rowSeats.length, section.aislesAfter)) / 2;
    return { key, sectionId: section.id, label, seats: rowSeats, xs: rowSeats.map((_, index) => indent + seatOffset(index + 1, section.aislesAfter)) };
  });
}

export type GridPosition = { row: number; seat: number };

/**
 * Where a key moves the focus in a grid of rows: left/right along the row,
 * up/down to the seat of the next row nearest across, Home/End to the row's
 * ends. Null for any other key, or when there is nowhere to go.
 */
export function nextGridPosition(rows: readonly { xs: number[] }[], at: GridPosition, key: string): GridPosition | null {
  const row = rows[at.row];
  if (!row) return null;
  const within = (seat: number) => (seat >= 0 && seat < row.xs.length && seat !== at.seat ? { row: at.row, seat } : null);
  switch (key) {
    case "ArrowLeft":
      return within(at.seat - 1);
    case "ArrowRight":
      return within(at.seat + 1);
    case "Home":
      return within(0);
    case "End":
      return within(row.xs.length - 1);
    case "ArrowUp":
    case "ArrowDown": {
      const target = rows[at.row + (key === "ArrowUp" ? -1 : 1)];
      if (!target || target.xs.length === 0) return null;
      const x = row.xs[at.seat]!;
      let nearest = 0;
      target.xs.forEach((candidate, index) => {
        if (Math.abs(candidate - x) < Math.abs(target.xs[nearest]! - x)) nearest = index;
      });
      return { row: rows.indexOf(target), seat: nearest };
    }
    default:
      return null;
  }
}

/** How much of a section is left, as the drawing colours it. */
export type Availability = "plenty" | "some" | "few" | "none";

export function availabilityOf(availableSeats: number, totalSeats: number): Availability {
  if (availableSeats <= 0 || totalSeats <= 0) return "none";
  const share = availableSeats / totalSeats;
  if (share >= 0.5) return "plenty";
  if (share >= 0.2) return "some";
  return "few";
}

/**
 * Up to this many seats, every section's grid is drawn at once, as the page
 * always drew a hall; above, the fan first picks a section on the drawing
 * (a grid of 500 seats is about 1,000 DOM nodes).
 */
export const ALL_GRIDS_MAX_SEATS = 500;

export type GradeSummary = { grade: string; price: number; totalSeats: number; availableSeats: number };

/** The grades on sale with their price and seat counts, dearest first (sections without seats left out). */
export function gradeSummaries(sections: readonly { grade: string; price: number | null; totalSeats: number; availableSeats: number }[]): GradeSummary[] {
  const byGrade = new Map<string, GradeSummary>();
  for (const section of sections) {
    if (section.price === null || section.totalSeats === 0) continue;
    const known = byGrade.get(section.grade);
    byGrade.set(section.grade, {
      grade: section.grade,
      price: Math.max(known?.price ?? 0, section.price),
      totalSeats: (known?.totalSeats ?? 0) + section.totalSeats,
      availableSeats: (known?.availableSeats ?? 0) + section.availableSeats,
    });
  }
  return [...byGrade.values()].sort((a, b) => b.price - a.price || a.grade.localeCompare(b.grade));
}

export type SelectionChange<T> = { selected: T[]; isOverLimit: boolean };

/** Adds or removes a seat; adding past the limit leaves the selection as it was and says so. */
export function toggleSeat<T extends { id: string }>(selected: readonly T[], seat: T, limit: number): SelectionChange<T> {
  if (selected.some((chosen) => chosen.id === seat.id)) return { selected: selected.filter((chosen) => chosen.id !== seat.id), isOverLimit: false };
  if (selected.length >= limit) return { selected: [...selected], isOverLimit: true };
  return { selected: [...selected, seat], isOverLimit: false };
}
