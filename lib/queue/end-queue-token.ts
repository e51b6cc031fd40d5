import "server-only";
import type { SqlClient } from "@/lib/db";
import type { EndedToken } from "@/lib/queue/ended-tokens";

export type QueueEndReasonValue = "LEFT" | "PAID" | "EXPIRED" | "ABANDONED";

/**
 * Ends a live token, freeing its place at once. Called by leaving the line and,
 * inside the payment transaction, by paying. Returns the token as this process
 * must remember it (ticket, end of the turn), or null when no live token ended.
 */
export async function endQueueToken(db: SqlClient, options: { tokenId: string; reason: QueueEndReasonValue }): Promise<EndedToken | null> {
  const [row] = await db.$queryRaw<{ id: string; ticket: bigint | null; admitted_until_ms: number | null }[]>`
    UPDATE queue_tokens
    SET status = 'ENDED', end_reason = ${options.reason}::"QueueEndReason", ended_at = now()
    WHERE id = ${options.tokenId}::uuid AND status IN ('WAITING', 'ADMITTED')
    RETURNING id::text AS id, ticket, (extract(epoch FROM admitted_until) * 1000)::float8 AS admitted_until_ms`;
  if (!row) return null;
  return { id: row.id, ticket: row.ticket === null ? null : Number(row.ticket), admittedUntilMs: row.admitted_until_ms };
}
