import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { AppError } from "@/lib/errors";
import { getSeatMapSnapshot } from "@/lib/booking/seat-map-snapshot";
import { seatMapJson, type OwnHold } from "@/lib/booking/seat-views";
import type { TaggedJson } from "@/lib/http/entity-tags";
import { toQueuePlace, type QueuePlaceRow } from "@/lib/queue/claim-queue-place";
import { queueTokenFor, type QueueTokens } from "@/lib/queue/queue-tokens";
import { admissionOf, verifyQueueToken } from "@/lib/queue/require-admission";

type PlaceAndHoldsRow = QueuePlaceRow & { own_seat_ids: string[] | null; own_expires_at: (Date | string)[] | null };

/**
 * The seat map of a performance (or of one of its sections) for an admitted
 * fan, by seat number, as the JSON body `{"seats":[…]}` with its entity tag
 * (404 for an unknown performance, or a section not of its venue). The shared
 * snapshot (at most a second old) gives the concert, whose queue token must
 * verify; then ONE statement runs the rest of the ADMITTED guard
 * (claim_queue_place) and reads the fan's own live holds of the performance.
 * Nothing is shown before the guard has passed.
 */
export async function listSeatsJson(
  db: Db,
  options: { performanceId: string; sectionId?: string; userId: string; queueTokens: QueueTokens },
): Promise<TaggedJson> {
  const snapshot = await getSeatMapSnapshot(db, options.performanceId, options.sectionId);
  if (!snapshot) throw new AppError("NOT_FOUND", options.sectionId === undefined ? "No such performance." : "No such section of this performance.");
  const { concertId } = snapshot;
  const claims = await verifyQueueToken({ token: queueTokenFor(options.queueTokens, concertId), userId: options.userId, concertId });
  const [row] = await preparedQuery<PlaceAndHoldsRow>(db)`
    SELECT q.status, q.admitted_until, q.is_live, own.seat_ids AS own_seat_ids, own.expires_at AS own_expires_at
    FROM claim_queue_place(${claims.tid}::uuid, ${options.userId}::uuid, ${concertId}::uuid) AS q
    CROSS JOIN LATERAL (
      SELECT array_agg(r.seat_id::text) AS seat_ids, array_agg(r.expires_at) AS expires_at
      FROM reservations r
      WHERE r.user_id = ${options.userId}::uuid AND r.performance_id = ${options.performanceId}::uuid
        AND is_live_hold(r.status, r.expires_at)
    ) AS own`;
  admissionOf(row ? toQueuePlace(row) : null, claims);
  return seatMapJson(snapshot, ownHoldsOf(row!), options.userId, Date.now() + snapshot.clockOffsetMs);
}

function ownHoldsOf(row: PlaceAndHoldsRow): OwnHold[] {
  const expiresAt = row.own_expires_at ?? [];
  return (row.own_seat_ids ?? []).map((seatId, index) => ({ seatId, expiresAt: new Date(expiresAt[index]!) }));
}
