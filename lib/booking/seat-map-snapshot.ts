import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";
import type { SeatMapSnapshot } from "@/lib/booking/seat-views";

/** A performance's seats are re-read at most this often per process. */
export const SEAT_MAP_FRESH_MS = 1_000;
/** Performances whose seat maps a process keeps at once; the oldest go first. */
const MAX_PERFORMANCES = 2_000;

const holder = globalThis as unknown as { encoreSeatMaps?: RefreshingCache<SeatMapSnapshot | null> };
const seatMaps = (holder.encoreSeatMaps ??= new RefreshingCache({
  freshMs: SEAT_MAP_FRESH_MS,
  maxEntries: MAX_PERFORMANCES,
  now: processClock.now,
}));

/**
 * Every seat of a performance with its live reservation as of at most
 * SEAT_MAP_FRESH_MS ago, read once per process for every fan looking at the
 * map (null for an unknown performance). During an on-sale thousands of fans
 * refresh the same map every few seconds; this makes that one query a second
 * per process instead of one per fan. It may be a moment behind, and decides
 * nothing: the claim's unique index does (docs/decisions/020).
 */
export function getSeatMapSnapshot(db: Db, performanceId: string): Promise<SeatMapSnapshot | null> {
  return seatMaps.get(performanceId, () => readSeatMapSnapshot(db, performanceId));
}

/** A hold found the map behind (a seat shown free was taken): the next look reads it again. */
export function markSeatMapStale(performanceId: string): void {
  seatMaps.markStale(performanceId);
}

type SnapshotRow = {
  concert_id: string;
  db_now: Date;
  id: string | null;
  number: number;
  grade: string;
  price: bigint;
  status: "HELD" | "CONFIRMED" | null;
  holder_id: string | null;
  expires_at: Date | null;
};

async function readSeatMapSnapshot(db: Db, performanceId: string): Promise<SeatMapSnapshot | null> {
  const readAtMs = Date.now();
  const rows = await preparedQuery<SnapshotRow>(db)`
    SELECT p.concert_id::text AS concert_id, now() AS db_now, s.id::text AS id, s.number, s.grade, s.price,
           r.status::text AS status, r.user_id::text AS holder_id, r.expires_at
    FROM performances p
    LEFT JOIN seats s ON s.performance_id = p.id
    LEFT JOIN reservations r ON r.seat_id = s.id AND is_live_reservation(r.status, r.expires_at)
    WHERE p.id = ${performanceId}::uuid
    ORDER BY s.number`;
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
            grade: row.grade,
            price: Number(row.price),
            state: row.status === "CONFIRMED" ? "SOLD" : row.status === "HELD" ? "HELD" : null,
            holderId: row.holder_id,
            heldUntilMs: row.status === "HELD" && row.expires_at ? row.expires_at.getTime() : null,
          }],
    ),
  };
}
