import "server-only";
import type { SqlClient } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { claimQueuePlace, type QueuePlace } from "@/lib/queue/claim-queue-place";
import { invalidQueueToken, notAdmitted, queueTokenExpired } from "@/lib/queue/queue-token-errors";
import { openQueueToken, type QueueTokenClaims } from "@/lib/queue/token";

export type Admission = { tokenId: string; concertId: string; admittedUntil: Date };

/** Steps (a)–(c) of the guard, without the database: the token verifies and is this user's, for this concert. */
export async function verifyQueueToken(options: { token: string | undefined; userId: string; concertId: string }): Promise<QueueTokenClaims> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId || claims.cid !== options.concertId) throw invalidQueueToken();
  return claims;
}

/** Step (d): why the token's place (null: no such token) does not admit its holder; null when it does. */
export function admissionRefusal(place: QueuePlace | null): AppError | null {
  if (!place) return invalidQueueToken();
  if (place.status === "WAITING") return notAdmitted();
  if (!place.isLive || !place.admittedUntil) return queueTokenExpired();
  return null;
}

/** The admission of a place that admits its holder; otherwise throws the guard's answer. */
export function admissionOf(place: QueuePlace | null, claims: QueueTokenClaims): Admission {
  const refusal = admissionRefusal(place);
  if (refusal || !place?.admittedUntil) throw refusal ?? invalidQueueToken();
  return { tokenId: claims.tid, concertId: claims.cid, admittedUntil: place.admittedUntil };
}

/**
 * The ADMITTED guard of docs/API.md for booking and payment pages and endpoints
 * (the token comes from lib/http: admittedRoute, requirePageAdmission): the
 * token (a) verifies, (b) belongs to the session's user, (c) is for the
 * concert of the resource and (d) is admitted and live. The first use claims
 * the turn, so a fan who never shows up frees the place when the claim window
 * ends. One statement (claimQueuePlace); the seat map and holds run the same
 * SQL inside their own statement and judge its answer with admissionOf.
 */
export async function requireAdmission(
  db: SqlClient,
  options: { token: string | undefined; userId: string; concertId: string },
): Promise<Admission> {
  const claims = await verifyQueueToken(options);
  const place = await claimQueuePlace(db, { tokenId: claims.tid, userId: options.userId, concertId: options.concertId });
  return admissionOf(place, claims);
}
