import "server-only";
import type { SqlClient } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { claimQueuePlace, type QueuePlace } from "@/lib/queue/claim-queue-place";
import { invalidQueueToken, notAdmitted, queueTokenExpired } from "@/lib/queue/queue-token-errors";
import type { QueueTokens } from "@/lib/queue/queue-tokens";
import { openQueueToken, queueCookieName, type QueueTokenClaims } from "@/lib/queue/token";

export type Admission = { tokenId: string; concertId: string; admittedUntil: Date };

/** Steps (a)–(c) of the guard, without the database: the token verifies and is this user's, for this concert. */
export async function verifyQueueToken(options: { token: string | undefined; userId: string; concertId: string }): Promise<QueueTokenClaims> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId || claims.cid !== options.concertId) throw invalidQueueToken();
  return claims;
}

/**
 * Steps (a)–(b) for every token the request carries, for a call that learns
 * the concert only in the database (a payment's holds): the header's token
 * when sent (it always wins), else each queue cookie's whose token is for the
 * concert the cookie is named after, keeping those that verify and are this
 * user's. Step (c) is then picking the one of the concert; no token of it
 * answers as an invalid token, exactly as verifyQueueToken does.
 */
export async function verifiedQueueTokens(tokens: QueueTokens, userId: string): Promise<{ concertIds: string[]; tokenIds: string[] }> {
  const sent =
    tokens.header !== undefined
      ? [{ token: tokens.header, cookieName: undefined }]
      : [...tokens.cookies].map(([cookieName, token]) => ({ token, cookieName }));
  const verified = { concertIds: [] as string[], tokenIds: [] as string[] };
  for (const { token, cookieName } of sent) {
    const claims = await openQueueToken(token);
    if (!claims || claims.uid !== userId) continue;
    if (cookieName !== undefined && cookieName !== queueCookieName(claims.cid)) continue;
    verified.concertIds.push(claims.cid);
    verified.tokenIds.push(claims.tid);
  }
  return verified;
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
