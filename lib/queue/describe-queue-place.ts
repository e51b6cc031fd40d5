import "server-only";
import { randomInt } from "node:crypto";
import type { Database } from "@/lib/db";
import { claimQueuePlace } from "@/lib/queue/claim-queue-place";
import { queueTokenExpired } from "@/lib/queue/queue-token-errors";
import { admittedStatus, prequeueStatus, waitingStatus } from "@/lib/queue/queue-status-view";
import { getRoomSnapshot, isTokenKnownEnded, noteTokenEnded } from "@/lib/queue/room-snapshot";
import type { QueueStatus } from "@/lib/queue/schemas";
import { sealQueueToken, type QueueTokenClaims } from "@/lib/queue/token";

/** A uniform number in [0, 1) for poll jitter. */
function jitter(): number {
  return randomInt(1_000_000) / 1_000_000;
}

/**
 * The status body of a genuine token's place. In the steady state it comes
 * from the token's claims and the cached room snapshot alone: no database
 * query, whatever the length of the line. Only when the token's ticket has
 * reached the serving counter (or its pre-queue ticket has been drawn) does
 * ONE query fetch and claim the row; the answer then carries a fresh `token`
 * that says so (ticket, admitted until), so later polls need no query again.
 * Ended or lapsed places throw 410 QUEUE_TOKEN_EXPIRED.
 */
export async function describeQueuePlace(database: Database, claims: QueueTokenClaims): Promise<QueueStatus> {
  const room = await getRoomSnapshot(database, claims.cid);
  if (!room || isTokenKnownEnded(claims.cid, claims.tid)) throw queueTokenExpired();
  const moment = { nowMs: Date.now() + room.clockOffsetMs, random: jitter() };
  const ticket = claims.tkt === null ? null : Number(claims.tkt);

  if (claims.adm !== undefined) {
    if (claims.adm <= moment.nowMs) throw queueTokenExpired();
    return admittedStatus(room, { ticket, admittedUntilMs: claims.adm });
  }
  if (ticket !== null && ticket > room.servingCounter) return waitingStatus(room, { ...moment, ticket });
  if (ticket === null && !room.isPrequeueOrdered) return prequeueStatus(room, moment);

  const place = await claimQueuePlace(database, { tokenId: claims.tid, userId: claims.uid, concertId: claims.cid });
  if (!place || !place.isLive) {
    noteTokenEnded(claims.cid, { id: claims.tid, ticket, admittedUntilMs: null });
    throw queueTokenExpired();
  }
  // The draw numbers every pre-queued token before the room reads as ordered; this only guards that invariant.
  if (place.ticket === null) return prequeueStatus(room, moment);
  if (place.status === "ADMITTED" && place.admittedUntil) {
    const admittedUntilMs = place.admittedUntil.getTime();
    const token = await sealQueueToken({ ...claims, tkt: String(place.ticket), adm: admittedUntilMs });
    return { ...admittedStatus(room, { ticket: place.ticket, admittedUntilMs }), token };
  }
  const token = ticket === place.ticket ? undefined : await sealQueueToken({ ...claims, tkt: String(place.ticket) });
  return { ...waitingStatus(room, { ...moment, ticket: place.ticket }), ...(token ? { token } : {}) };
}
