import "server-only";
import type { Db } from "@/lib/db";
import { repeatBatches, type BatchOptions } from "@/lib/db/repeat-batches";
import { END_LAPSED_ADMISSION, IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";

export const EXPIRE_TOKENS_BATCH_SIZE = 500;
/** Leaves the rest of the cron's run room inside a serverless function's time limit. */
export const EXPIRE_TOKENS_TIME_BUDGET_MS = 5_000;

/**
 * Ends admitted tokens whose turn lapsed (window over, or never claimed in the
 * claim window), in bounded batches until none is left or the time budget is
 * spent, and returns how many it ended. Each batch is one short statement that
 * skips rows another run (or a leader, a claim, a payment) has locked, so
 * concurrent runs split the work and each token is counted once in total.
 * The batch's ids are read once (an ARRAY sub-select), as in
 * releaseExpiredHolds.
 */
export async function expireQueueTokens(db: Db, options: BatchOptions = {}): Promise<number> {
  return repeatBatches(
    (batchSize) => db.$executeRaw`
      UPDATE queue_tokens SET ${END_LAPSED_ADMISSION}
      WHERE id = ANY(ARRAY(SELECT id FROM queue_tokens WHERE ${IS_LAPSED_ADMISSION}
                           LIMIT ${batchSize} FOR UPDATE SKIP LOCKED))
        AND ${IS_LAPSED_ADMISSION}`,
    {
      batchSize: options.batchSize ?? EXPIRE_TOKENS_BATCH_SIZE,
      timeBudgetMs: options.timeBudgetMs ?? EXPIRE_TOKENS_TIME_BUDGET_MS,
    },
  );
}
