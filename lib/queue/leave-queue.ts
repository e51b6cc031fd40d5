import "server-only";
import type { Db } from "@/lib/db";
import { endQueueToken } from "@/lib/queue/end-queue-token";
import { invalidQueueToken } from "@/lib/queue/queue-token-errors";
import { forgetRoomSnapshot, noteTokenEnded } from "@/lib/queue/room-snapshot";
import { openQueueToken } from "@/lib/queue/token";

export type LeaveQueueOptions = {
  token: string | undefined;
  /** The signed-in fan: only the token's own holder may leave with it. */
  userId: string;
  /** When the token came from a concert's cookie: it must be that concert's token. */
  cookieConcertId?: string;
};

/**
 * Leaves the line (DELETE /api/queue), freeing the place at once. Idempotent:
 * a place that already ended (left, paid or lapsed) is simply gone, so leaving
 * it again succeeds too. Someone else's, forged or unreadable token → 401.
 * Ending is a DB write; this process also remembers the token as ended at
 * once, so its polls here answer 410 without a query.
 * Returns the concert of the place.
 */
export async function leaveQueue(db: Db, options: LeaveQueueOptions): Promise<{ concertId: string; hasEnded: boolean }> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId) throw invalidQueueToken();
  if (options.cookieConcertId !== undefined && claims.cid !== options.cookieConcertId) throw invalidQueueToken();
  const hasEnded = (await endQueueToken(db, { tokenId: claims.tid, reason: "LEFT" })) !== null;
  noteTokenEnded(claims.cid, {
    id: claims.tid,
    ticket: claims.tkt === null ? null : Number(claims.tkt),
    admittedUntilMs: claims.adm ?? null,
  });
  // A place may have freed up: the next poll here re-reads the room (and admits the next fan) instead of waiting out the cache.
  if (hasEnded) forgetRoomSnapshot(claims.cid);
  return { concertId: claims.cid, hasEnded };
}
