import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";
import { entityTagOf, type TaggedJson } from "@/lib/http/entity-tags";
import { SEAT_MAP_FRESH_MS } from "@/lib/booking/seat-map-snapshot";

/** Performances whose section overviews a process keeps at once; the oldest go first. */
const MAX_PERFORMANCES = 2_000;

/** A performance's sections with what is left, as every admitted fan sees them. */
export type SectionOverview = { concertId: string; json: TaggedJson };

const holder = globalThis as unknown as { encoreSectionOverviews?: RefreshingCache<SectionOverview | null> };
const overviews = (holder.encoreSectionOverviews ??= new RefreshingCache({
  freshMs: SEAT_MAP_FRESH_MS,
  maxEntries: MAX_PERFORMANCES,
  now: processClock.now,
}));

/**
 * The sections of a performance's venue in drawing order, each with its
 * price, its seats and the seats free now, read and serialized at most once
 * per SEAT_MAP_FRESH_MS per process for every fan (null for an unknown
 * performance): 10,000 fans looking at the venue cost one query a second,
 * and the query reads the stored counts and the live holds, never the seats
 * (docs/decisions/111). Free is what PERFORMANCE_FACTS calls free_seats, per
 * section: no live reservation.
 * The body holds nothing of any one fan, so its tag is shared too.
 */
export function getSectionOverview(db: Db, performanceId: string): Promise<SectionOverview | null> {
  return overviews.get(performanceId, () => readSectionOverview(db, performanceId));
}

/** A hold found the counts behind: the next look reads them again. */
export function markSectionOverviewStale(performanceId: string): void {
  overviews.markStale(performanceId);
}

type SectionRow = {
  concert_id: string;
  venue_id: string;
  venue_name: string;
  id: string | null;
  position: number;
  name: string;
  grade: string;
  price: bigint | null;
  row_labels: string[];
  row_lengths: number[];
  aisles_after: number[];
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  total_seats: number;
  available_seats: number;
};

async function readSectionOverview(db: Db, performanceId: string): Promise<SectionOverview | null> {
  const rows = await preparedQuery<SectionRow>(db)`
    SELECT p.concert_id::text AS concert_id, v.id::text AS venue_id, v.name AS venue_name,
           vs.id::text AS id, vs.position, vs.name, vs.grade, CASE WHEN counts.total_seats > 0 THEN cp.price END AS price,
           vs.row_labels, vs.row_lengths, vs.aisles_after, vs.x, vs.y, vs.width, vs.height, vs.rotation,
           coalesce(counts.total_seats, 0) AS total_seats,
           coalesce(counts.total_seats - counts.sold_seats, 0) - coalesce(holds.held_seats, 0) AS available_seats
    FROM performances p
    JOIN concerts c ON c.id = p.concert_id
    JOIN venues v ON v.id = c.venue_id
    LEFT JOIN venue_sections vs ON vs.venue_id = v.id
    LEFT JOIN concert_prices cp ON cp.concert_id = c.id AND cp.grade = vs.grade
    LEFT JOIN performance_section_seats counts ON counts.performance_id = p.id AND counts.section_id = vs.id
    LEFT JOIN (
      SELECT s.section_id, count(*)::int AS held_seats
      FROM reservations r JOIN seats s ON s.id = r.seat_id
      WHERE r.performance_id = ${performanceId}::uuid AND r.status = 'HELD' AND is_live_hold(r.status, r.expires_at)
      GROUP BY s.section_id
    ) holds ON holds.section_id = vs.id
    WHERE p.id = ${performanceId}::uuid
    ORDER BY vs.position`;
  const first = rows[0];
  if (!first) return null;
  const sections = rows.flatMap((row) =>
    row.id === null
      ? [] // a venue without sections
      : [{
          id: row.id,
          position: row.position,
          name: row.name,
          grade: row.grade,
          price: row.price === null ? null : Number(row.price),
          totalSeats: row.total_seats,
          availableSeats: row.available_seats,
          rowLabels: row.row_labels,
          rowLengths: row.row_lengths,
          aislesAfter: row.aisles_after,
          x: row.x,
          y: row.y,
          width: row.width,
          height: row.height,
          rotation: row.rotation,
        }],
  );
  const body = JSON.stringify({
    venue: { id: first.venue_id, name: first.venue_name },
    sections,
    totalSeats: sections.reduce((sum, section) => sum + section.totalSeats, 0),
    availableSeats: sections.reduce((sum, section) => sum + section.availableSeats, 0),
  });
  return { concertId: first.concert_id, json: { body, etag: entityTagOf(body) } };
}
