import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";
import { readLiveSections, sectionSeatMap, type LiveSections } from "@/lib/booking/section-seat-map";
import type { SeatMapSnapshot } from "@/lib/booking/seat-views";

/** A performance's seats are re-read at most this often per process. */
export const SEAT_MAP_FRESH_MS = 1_000;
/** Whole performances' seat maps a process keeps at once; the oldest go first (sections: lib/booking/section-seat-map.ts). */
const MAX_SEAT_MAPS = 20_000;

/** Performances whose live reservations of every section a process keeps at once; the oldest go first. */
const MAX_LIVE_SECTION_READS = 2_000;

const holder = globalThis as unknown as {
  encoreSeatMaps?: RefreshingCache<SeatMapSnapshot | null>;
  encoreLiveSections?: RefreshingCache<LiveSections | null>;
};
const seatMaps = (holder.encoreSeatMaps ??= new RefreshingCache({
  freshMs: SEAT_MAP_FRESH_MS,
  maxEntries: MAX_SEAT_MAPS,
  now: processClock.now,
}));
const liveSections = (holder.encoreLiveSections ??= new RefreshingCache({
  freshMs: SEAT_MAP_FRESH_MS,
  maxEntries: MAX_LIVE_SECTION_READS,
  now: processClock.now,
}));

/**
 * Every seat of a performance (or of one of its sections) with its live
 * reservation as of at most SEAT_MAP_FRESH_MS ago, read once per process for
 * every fan looking at the map (null for an unknown performance, or a section
 * that is not of the performance's venue). During an on-sale thousands of
 * fans refresh the same map every few seconds; this makes that one query a
 * second per process instead of one per fan. An arena's fans look at one
 * section at a time, so a section's seats are its own, not the arena's
 * (docs/decisions/110); they are read once per process and the refresh reads
 * only what changes: the live reservations of every section of the
 * performance in one statement a second, shared by all its sections
 * (lib/booking/section-seat-map.ts, docs/decisions/140, 165). It may be a
 * moment behind, and decides nothing: the claim's unique index does
 * (docs/decisions/020).
 */
export async function getSeatMapSnapshot(db: Db, performanceId: string, sectionId?: string): Promise<SeatMapSnapshot | null> {
  if (sectionId === undefined) return seatMaps.get(performanceId, () => readSeatMapSnapshot(db, performanceId));
  const live = await liveSections.get(performanceId, () => readLiveSections(db, performanceId));
  return sectionSeatMap(db, performanceId, sectionId, live);
}

/** A hold found the map behind (a seat shown free was taken): the next look at the map or any of its sections reads it again. */
export function markSeatMapStale(performanceId: string): void {
  seatMaps.markStale(performanceId);
  liveSections.markStale(performanceId);
}

type SnapshotRow = {
  concert_id: string;
  db_now: Date;
  id: string | null;
  number: number;
  section_id: string;
  section_name: string;
  row_label: string;
  label: string;
  grade: string;
  price: bigint;
  status: "HELD" | "CONFIRMED" | null;
  holder_id: string | null;
  expires_at: Date | null;
};

async function readSeatMapSnapshot(db: Db, performanceId: string): Promise<SeatMapSnapshot | null> {
  const readAtMs = Date.now();
  const rows = await preparedQuery<SnapshotRow>(db)`
    SELECT p.concert_id::text AS concert_id, now() AS db_now, s.id::text AS id, s.number,
           s.section_id::text AS section_id, vs.name AS section_name, s.row_label, s.label, s.grade, s.price,
           r.status::text AS status, r.user_id::text AS holder_id, r.expires_at
    FROM performances p
    LEFT JOIN seats s ON s.performance_id = p.id
    LEFT JOIN venue_sections vs ON vs.id = s.section_id
    LEFT JOIN reservations r ON r.seat_id = s.id AND is_live_reservation(r.status, r.expires_at)
    WHERE p.id = ${performanceId}::uuid
    ORDER BY s.number`;
  return snapshotOf(rows, readAtMs);
}

function snapshotOf(rows: SnapshotRow[], readAtMs: number): SeatMapSnapshot | null {
  const first = rows[0];
  if (!first) return null;
  return {
    concertId: first.concert_id,
    clockOffsetMs: first.db_now.getTime() - readAtMs,
    seats: rows.flatMap((row) =>
      row.id === null
        ? [] // a performance without seats
        : [{
            id: row.id,
            number: row.number,
            sectionId: row.section_id,
            sectionName: row.section_name,
            row: row.row_label,
            label: row.label,
            grade: row.grade,
            price: Number(row.price),
            state: row.status === "CONFIRMED" ? "SOLD" : row.status === "HELD" ? "HELD" : null,
            holderId: row.holder_id,
            heldUntilMs: row.status === "HELD" && row.expires_at ? row.expires_at.getTime() : null,
          }],
    ),
  };
}
