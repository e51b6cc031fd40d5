import "server-only";
import type { SqlClient } from "@/lib/db";

export type QueueEndReasonValue = "LEFT" | "PAID" | "EXPIRED" | "ABANDONED";

/**
 * Ends a live token, freeing its place at once. Called by leaving the line and,
 * inside the payment transaction, by paying. Returns whether a live token ended.
 */
export async function endQueueToken(db: SqlClient, options: { tokenId: string; reason: QueueEndReasonValue }): Promise<boolean> {
  const ended = await db.$executeRaw`
    UPDATE queue_tokens
    SET status = 'ENDED', end_reason = ${options.reason}::"QueueEndReason", ended_at = now()
    WHERE id = ${options.tokenId}::uuid AND status IN ('WAITING', 'ADMITTED')`;
  return ended > 0;
}
