import "server-only";
import type { SqlClient } from "@/lib/db";
import type { EndedToken } from "@/lib/queue/ended-tokens";

export type QueueEndReasonValue = "LEFT" | "PAID" | "EXPIRED" | "ABANDONED";

/**
 * Ends a live token, freeing its place at once: the SQL function
 * end_queue_token, which the payment's settle_payment calls too. Called by
 * leaving the line. Returns the token as this process must remember it
 * (ticket, end of the turn), or null when no live token ended.
 */
export async function endQueueToken(db: SqlClient, options: { tokenId: string; reason: QueueEndReasonValue }): Promise<EndedToken | null> {
  const [row] = await db.$queryRaw<EndedTokenRow[]>`
    SELECT id, ticket, admitted_until_ms FROM end_queue_token(${options.tokenId}::uuid, ${options.reason}::"QueueEndReason")`;
  return row ? toEndedToken(row) : null;
}

/** A token as end_queue_token answers it. */
export type EndedTokenRow = { id: string; ticket: bigint | null; admitted_until_ms: number | null };

export function toEndedToken(row: EndedTokenRow): EndedToken {
  return { id: row.id, ticket: row.ticket === null ? null : Number(row.ticket), admittedUntilMs: row.admitted_until_ms };
}
