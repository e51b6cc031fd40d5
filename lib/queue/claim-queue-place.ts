import "server-only";
import type { Db } from "@/lib/db";

export type QueuePlace = {
  status: "WAITING" | "ADMITTED" | "ENDED";
  ticket: number | null;
  admittedUntil: Date | null;
  /** WAITING, or ADMITTED with the window open and the turn claimed (now or before) in time. */
  isLive: boolean;
};

/**
 * The token's row, in ONE statement that also claims an admitted turn
 * (claimed_at is set the first time its holder shows up, while the claim
 * window is open). A turn not claimed by claim_by is not live: the admission
 * leader gives the place to the next fan. Null when no such token exists.
 */
export async function claimQueuePlace(
  db: Db,
  options: { tokenId: string; userId: string; concertId: string },
): Promise<QueuePlace | null> {
  const rows = await db.$queryRaw<{ status: QueuePlace["status"]; ticket: bigint | null; admitted_until: Date | null; is_live: boolean }[]>`
    WITH claimed AS (
      UPDATE queue_tokens SET claimed_at = now()
      WHERE id = ${options.tokenId}::uuid AND user_id = ${options.userId}::uuid AND concert_id = ${options.concertId}::uuid
        AND status = 'ADMITTED' AND claimed_at IS NULL AND claim_by > now() AND admitted_until > now()
      RETURNING id
    )
    SELECT t.status::text AS status, t.ticket, t.admitted_until,
           (t.status = 'WAITING'
             OR EXISTS (SELECT 1 FROM claimed)
             OR (t.status = 'ADMITTED' AND t.claimed_at IS NOT NULL AND t.admitted_until > now())) AS is_live
    FROM queue_tokens t
    WHERE t.id = ${options.tokenId}::uuid AND t.user_id = ${options.userId}::uuid AND t.concert_id = ${options.concertId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    ticket: row.ticket === null ? null : Number(row.ticket),
    admittedUntil: row.admitted_until,
    isLive: row.is_live,
  };
}
