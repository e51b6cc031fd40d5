import "server-only";
import type { Db } from "@/lib/db";
import { batchedLookupByDb } from "@/lib/db/batched-lookup";
import { preparedQuery } from "@/lib/db/prepared-query";
import type { OwnHold } from "@/lib/booking/seat-views";
import { toQueuePlace, type QueuePlaceRow } from "@/lib/queue/claim-queue-place";
import { queueTokenFor, type QueueTokens } from "@/lib/queue/queue-tokens";
import { admissionOf, verifyQueueToken, type Admission } from "@/lib/queue/require-admission";

/** Most guards run in one statement. */
const GUARD_BATCH = 200;

type GuardRow = QueuePlaceRow & { key: string; own_seat_ids: string[] | null; own_expires_at: (Date | string)[] | null };

/**
 * Step (d) of the ADMITTED guard (claim_queue_place) and the fan's own live
 * holds of the performance, for many requests in ONE statement: every
 * refresh of a seat map or a section overview needs both, and a statement
 * costs the app a pool checkout, a round trip and a reply to parse whatever
 * it asks (lib/db/batched-lookup.ts). Keys are sorted so two batches that
 * claim the same turns claim them in the same order.
 */
const lookUpGuard = batchedLookupByDb(async (db, keys: string[]) => {
  const sorted = [...keys].sort();
  const parts = sorted.map((key) => key.split(" ") as [string, string, string, string]);
  const rows = await preparedQuery<GuardRow>(db)`
    SELECT k.key, q.status, q.admitted_until, q.is_live, own.seat_ids AS own_seat_ids, own.expires_at AS own_expires_at
    FROM unnest(${sorted}::text[], ${parts.map((part) => part[0])}::uuid[], ${parts.map((part) => part[1])}::uuid[],
                ${parts.map((part) => part[2])}::uuid[], ${parts.map((part) => part[3])}::uuid[])
         AS k(key, token_id, user_id, concert_id, performance_id)
    CROSS JOIN LATERAL claim_queue_place(k.token_id, k.user_id, k.concert_id) AS q
    CROSS JOIN LATERAL (
      SELECT array_agg(r.seat_id::text) AS seat_ids, array_agg(r.expires_at) AS expires_at
      FROM reservations r
      WHERE r.user_id = k.user_id AND r.performance_id = k.performance_id AND is_live_hold(r.status, r.expires_at)
    ) AS own`;
  return new Map(rows.map((row) => [row.key, row]));
}, { maxBatch: GUARD_BATCH });

/**
 * The ADMITTED guard of a fan looking at a performance of `concertId`
 * (throws its 401/403/410 as requireAdmission does) and the fan's own live
 * holds of it, read just now: a fan always sees their own holds and releases
 * at once, whatever the age of the shared seat map.
 */
export async function admissionWithOwnHolds(
  db: Db,
  options: { queueTokens: QueueTokens; userId: string; concertId: string; performanceId: string },
): Promise<{ admission: Admission; ownHolds: OwnHold[] }> {
  const claims = await verifyQueueToken({ token: queueTokenFor(options.queueTokens, options.concertId), userId: options.userId, concertId: options.concertId });
  const row = await lookUpGuard(db, [claims.tid, options.userId, options.concertId, options.performanceId].join(" "));
  const admission = admissionOf(row ? toQueuePlace(row) : null, claims);
  const expiresAt = row!.own_expires_at ?? [];
  return { admission, ownHolds: (row!.own_seat_ids ?? []).map((seatId, index) => ({ seatId, expiresAt: new Date(expiresAt[index]!) })) };
}
