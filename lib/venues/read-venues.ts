import "server-only";
import type { SqlClient } from "@/lib/db";
import type { Venue } from "@/lib/venues/venue-input";

type VenueRow = { id: string; name: string; created_at: Date; sections: SectionJson[] };
type SectionJson = {
  id: string; name: string; grade: string; rowLabels: string[]; rowLengths: number[]; aislesAfter: number[];
  x: number; y: number; width: number; height: number; rotation: number;
};

/** Venues with their sections in drawing order, newest first; one venue when `venueId` is given. One statement. */
export async function readVenues(db: SqlClient, options: { venueId?: string } = {}): Promise<Venue[]> {
  const venueId = options.venueId ?? null;
  const rows = await db.$queryRaw<VenueRow[]>`
    SELECT v.id::text AS id, v.name, v.created_at,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', s.id, 'name', s.name, 'grade', s.grade, 'rowLabels', s.row_labels, 'rowLengths', s.row_lengths,
                     'aislesAfter', s.aisles_after, 'x', s.x, 'y', s.y, 'width', s.width, 'height', s.height, 'rotation', s.rotation)
                   ORDER BY s.position), '[]'::json)
            FROM venue_sections s WHERE s.venue_id = v.id) AS sections
    FROM venues v
    WHERE ${venueId}::uuid IS NULL OR v.id = ${venueId}::uuid
    ORDER BY v.created_at DESC, v.id`;
  return rows.map(toVenue);
}

function toVenue(row: VenueRow): Venue {
  const sections = row.sections.map((section) => {
    const totalSeats = section.rowLengths.reduce((sum, length) => sum + length, 0);
    return { ...section, rows: section.rowLengths.length, seatsPerRow: Math.max(...section.rowLengths), totalSeats };
  });
  return {
    id: row.id,
    name: row.name,
    totalSeats: sections.reduce((sum, section) => sum + section.totalSeats, 0),
    grades: [...new Set(sections.map((section) => section.grade))],
    sections,
    createdAt: row.created_at.toISOString(),
  };
}
