import "server-only";
import type { SqlClient } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";

export type QueuePlace = {
  status: "WAITING" | "ADMITTED" | "ENDED";
  ticket: number | null;
  admittedUntil: Date | null;
  /** WAITING, or ADMITTED with the window open and the turn claimed (now or before) in time. */
  isLive: boolean;
};

/** A place as SQL answers it (claim_queue_place, or the columns of a statement that calls it). */
export type QueuePlaceRow = { status: string; ticket?: bigint | null; admitted_until: Date | null; is_live: boolean };

export function toQueuePlace(row: QueuePlaceRow): QueuePlace {
  return {
    status: row.status as QueuePlace["status"],
    ticket: row.ticket === null || row.ticket === undefined ? null : Number(row.ticket),
    admittedUntil: row.admitted_until,
    isLive: row.is_live,
  };
}

/**
 * The token's row, in ONE statement that also claims an admitted turn: the
 * SQL function claim_queue_place (migration 20261124100000) sets claimed_at
 * the first time its holder shows up, while the claim window is open. A turn
 * not claimed by claim_by is not live: the admission leader gives the place to
 * the next fan. Null when no such token exists. The same function runs inside
 * hold_seats, so a hold needs no statement of its own for the guard.
 */
export async function claimQueuePlace(
  db: SqlClient,
  options: { tokenId: string; userId: string; concertId: string },
): Promise<QueuePlace | null> {
  const [row] = await preparedQuery<QueuePlaceRow>(db)`
    SELECT status, ticket, admitted_until, is_live
    FROM claim_queue_place(${options.tokenId}::uuid, ${options.userId}::uuid, ${options.concertId}::uuid)`;
  return row ? toQueuePlace(row) : null;
}
