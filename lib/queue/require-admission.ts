import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readCookie } from "@/lib/http/request";
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
 * shows up frees the place when the claim window ends.
 */
export async function requireAdmission(
  db: Db,
  options: { token: string | undefined; userId: string; concertId: string },
): Promise<Admission> {
  const claims = await openQueueToken(options.token);
  if (!claims || claims.uid !== options.userId || claims.cid !== options.concertId) {
    throw new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
  }
  const rows = await db.$queryRaw<{ status: string; is_live: boolean; needs_claim: boolean; admitted_until: Date | null }[]>`
    SELECT status::text AS status,
           (status = 'ADMITTED' AND admitted_until > now() AND (claimed_at IS NOT NULL OR claim_by > now())) AS is_live,
           (claimed_at IS NULL) AS needs_claim,
           admitted_until
    FROM queue_tokens
    WHERE id = ${claims.tid}::uuid AND user_id = ${options.userId}::uuid AND concert_id = ${options.concertId}::uuid`;
  const token = rows[0];
  if (!token) throw new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
  if (token.status === "WAITING") throw new AppError("NOT_ADMITTED", "Your turn has not come yet.");
  if (!token.is_live || !token.admitted_until) throw new AppError("QUEUE_TOKEN_EXPIRED", "Your turn has ended. Join the line again.");
  if (token.needs_claim) {
    await db.$executeRaw`UPDATE queue_tokens SET claimed_at = now() WHERE id = ${claims.tid}::uuid AND claimed_at IS NULL`;
  }
  return { tokenId: claims.tid, concertId: options.concertId, admittedUntil: token.admitted_until };
}
