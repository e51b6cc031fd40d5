import "server-only";
import type { Db } from "@/lib/db";

/**
 * Ends admitted tokens whose admission window is over, or whose holder never
 * claimed the turn in the claim window. Returns how many ended. Idempotent.
 */
export async function expireQueueTokens(db: Db): Promise<number> {
  return db.$executeRaw`
    UPDATE queue_tokens
    SET status = 'ENDED', ended_at = now(),
        end_reason = CASE WHEN claimed_at IS NULL THEN 'ABANDONED'::"QueueEndReason" ELSE 'EXPIRED'::"QueueEndReason" END
    WHERE status = 'ADMITTED' AND (admitted_until <= now() OR (claimed_at IS NULL AND claim_by <= now()))`;
}
