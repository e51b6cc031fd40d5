import "server-only";
import { Prisma } from "@/lib/db";

/** Where a seat is and what a fan reads, on every seat object of the API (docs/decisions/100). */
export type SeatPlace = {
  sectionId: string;
  sectionName: string;
  /** The row's label within its section ("3", "B"). */
  row: string;
  /** E.g. "A구역 3열 12번". */
  label: string;
};

export type SeatPlaceRow = { section_id: string; section_name: string; row_label: string; label: string };

/** The columns of SeatPlaceRow, for a query that has the seat as `s` and joins SEAT_SECTION as `vs`. */
export const SEAT_PLACE_COLUMNS = Prisma.sql`s.section_id::text AS section_id, vs.name AS section_name, s.row_label, s.label`;
export const SEAT_SECTION_JOIN = Prisma.sql`JOIN venue_sections vs ON vs.id = s.section_id`;

export function seatPlaceOf(row: SeatPlaceRow): SeatPlace {
  return { sectionId: row.section_id, sectionName: row.section_name, row: row.row_label, label: row.label };
}
