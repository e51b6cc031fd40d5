import "server-only";
import type { Database } from "@/lib/db";
import { describeQueuePlace } from "@/lib/queue/describe-queue-place";
import { invalidQueueToken } from "@/lib/queue/queue-token-errors";
import type { QueueStatus } from "@/lib/queue/schemas";
import { openQueueToken } from "@/lib/queue/token";

export type ReadQueueStatusOptions = {
  token: string | undefined;
  /** When the token came from a concert's cookie: it must be that concert's token. */
  cookieConcertId?: string;
};

/**
 * GET /api/queue/status: the signed token alone authenticates the poll (no
 * session lookup). Forged, altered or unreadable tokens → 401; ended or
 * lapsed places → 410.
 */
export async function readQueueStatus(database: Database, options: ReadQueueStatusOptions): Promise<QueueStatus> {
  const claims = await openQueueToken(options.token);
  if (!claims || (options.cookieConcertId !== undefined && claims.cid !== options.cookieConcertId)) throw invalidQueueToken();
  return describeQueuePlace(database, claims);
}
