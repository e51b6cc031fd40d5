import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readCookie } from "@/lib/http/request";
import { claimQueuePlace, type QueuePlace } from "@/lib/queue/claim-queue-place";
import { openQueueToken, queueCookieName, type QueueTokenClaims } from "@/lib/queue/token";

export const QUEUE_TOKEN_HEADER = "x-queue-token";

export type Admission = { tokenId: string; concertId: string; admittedUntil: Date };

/** The queue token of a request: the X-Queue-Token header, else the web UI's cookie for the concert. */
export function queueTokenFrom(request: Request, concertId: string | null): string | undefined {
  const header = request.headers.get(QUEUE_TOKEN_HEADER);
  if (header) return header;
  return concertId ? readCookie(request, queueCookieName(concertId)) : undefined;
}

function invalidQueueToken(): AppError {
  return new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
}

/** Steps (a)–(c) of the guard, without the database: the token verifies and is this user's, for this concert. */
export async function verifyQueueToken(options: { token: string | undefined; userId: string; concertId: string }): Promise<QueueTokenClaims> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId || claims.cid !== options.concertId) throw invalidQueueToken();
  return claims;
}

/** Step (d): why the token's place (null: no such token) does not admit its holder; null when it does. */
export function admissionRefusal(place: QueuePlace | null): AppError | null {
  if (!place) return invalidQueueToken();
  if (place.status === "WAITING") return new AppError("NOT_ADMITTED", "Your turn has not come yet.");
  if (!place.isLive || !place.admittedUntil) return new AppError("QUEUE_TOKEN_EXPIRED", "Your turn has ended. Join the line again.");
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
 * (routes pass queueTokenFrom(request, concertId)): the token (a) verifies,
 * (b) belongs to the session's user, (c) is for the concert of the resource and
 * (d) is admitted and live. The first use claims the turn, so a fan who never
 * shows up frees the place when the claim window ends. One statement
 * (claimQueuePlace); the seat map and holds run the same SQL inside their own
 * statement and judge its answer with admissionOf.
 */
export async function requireAdmission(
  db: Db,
  options: { token: string | undefined; userId: string; concertId: string },
): Promise<Admission> {
  const claims = await verifyQueueToken(options);
  const place = await claimQueuePlace(db, { tokenId: claims.tid, userId: options.userId, concertId: options.concertId });
  return admissionOf(place, claims);
}
