import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readCookie } from "@/lib/http/request";
import { claimQueuePlace } from "@/lib/queue/claim-queue-place";
import { openQueueToken, queueCookieName } from "@/lib/queue/token";

export const QUEUE_TOKEN_HEADER = "x-queue-token";

export type Admission = { tokenId: string; concertId: string; admittedUntil: Date };

/** The queue token of a request: the X-Queue-Token header, else the web UI's cookie for the concert. */
export function queueTokenFrom(request: Request, concertId: string | null): string | undefined {
  const header = request.headers.get(QUEUE_TOKEN_HEADER);
  if (header) return header;
  return concertId ? readCookie(request, queueCookieName(concertId)) : undefined;
}

/**
 * The ADMITTED guard of API.md for booking and payment pages and endpoints
 * (routes pass queueTokenFrom(request, concertId)): the token (a) verifies,
 * (b) belongs to the session's user, (c) is for the concert of the resource and
 * (d) is admitted and live. The first use claims the turn, so a fan who never
 * shows up frees the place when the claim window ends. One statement; the
 * claim is conditional on the claim window still being open, so it can never
 * revive a turn the admission leader has already given away.
 */
export async function requireAdmission(
  db: Db,
  options: { token: string | undefined; userId: string; concertId: string },
): Promise<Admission> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId || claims.cid !== options.concertId) {
    throw new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
  }
  const place = await claimQueuePlace(db, { tokenId: claims.tid, userId: options.userId, concertId: options.concertId });
  if (!place) throw new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
  if (place.status === "WAITING") throw new AppError("NOT_ADMITTED", "Your turn has not come yet.");
  if (!place.isLive || !place.admittedUntil) throw new AppError("QUEUE_TOKEN_EXPIRED", "Your turn has ended. Join the line again.");
  return { tokenId: claims.tid, concertId: options.concertId, admittedUntil: place.admittedUntil };
}
