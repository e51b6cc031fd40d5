import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type HoldFactsRow = {
  concertId: string;
  isOnSale: boolean;
  /** Requested seats that are not seats of this performance. */
  foreignSeatIds: string[];
  /** Requested seats of this performance that are held by someone (or sold) right now. */
  takenSeatIds: string[];
  /** The fan's live holds of this performance. */
  liveHolds: number;
};

/**
 * Everything a hold request is judged by, in one read (404 for an unknown
 * performance). Used before the transaction, to find the concert and refuse
 * early, and inside it under the fan's lock, where it is authoritative.
 *
 * Plain SQL with no fragments: it also runs on the raw pg transaction, which
 * takes tagged templates only. "Taken" is the live-reservation condition of
 * booking-sql.ts, written out.
 */
export async function readHoldFacts(db: Db, options: { userId: string; performanceId: string; seatIds: string[] }): Promise<HoldFactsRow> {
  const seatIds = options.seatIds.map((id) => id.toLowerCase());
  const [row] = await db.$queryRaw<{ concert_id: string; is_on_sale: boolean; foreign_seat_ids: string[]; taken_seat_ids: string[]; live_holds: number }[]>`
    SELECT p.concert_id::text AS concert_id,
           (p.booking_opens_at <= now() AND now() < p.booking_closes_at) AS is_on_sale,
           ARRAY(SELECT wanted::text FROM unnest(${seatIds}::uuid[]) AS wanted
                 WHERE NOT EXISTS (SELECT 1 FROM seats s WHERE s.id = wanted AND s.performance_id = p.id)
                 ORDER BY 1) AS foreign_seat_ids,
           ARRAY(SELECT r.seat_id::text FROM reservations r
                 WHERE r.seat_id = ANY(${seatIds}::uuid[]) AND r.performance_id = p.id
                   AND (r.status = 'CONFIRMED' OR (r.status = 'HELD' AND r.expires_at > now()))
                 ORDER BY 1) AS taken_seat_ids,
           (SELECT count(*)::int FROM reservations r
            WHERE r.user_id = ${options.userId}::uuid AND r.performance_id = p.id
              AND r.status = 'HELD' AND r.expires_at > now()) AS live_holds
    FROM performances p WHERE p.id = ${options.performanceId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "No such performance.");
  return {
    concertId: row.concert_id,
    isOnSale: row.is_on_sale,
    foreignSeatIds: row.foreign_seat_ids,
    takenSeatIds: row.taken_seat_ids,
    liveHolds: row.live_holds,
  };
}
