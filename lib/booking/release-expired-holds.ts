import "server-only";
import type { Db } from "@/lib/db";
import { repeatBatches, type BatchOptions } from "@/lib/db/repeat-batches";

export const RELEASE_BATCH_SIZE = 500;
/** Stays well inside a serverless function's time limit. */
export const RELEASE_TIME_BUDGET_MS = 10_000;

/**
 * Marks holds whose time ran out EXPIRED, in bounded batches, and returns how
 * many it marked. Reads already treat such holds as free; this keeps the table
 * tidy and the live-row index small. Each batch is its own short statement and
 * skips rows another run (or a hold or payment) has locked, so concurrent runs
 * split the work and each hold is counted once in total. The batch's ids are
 * read once (an ARRAY sub-select): an IN (… LIMIT …) sub-select may be
 * scanned again for each row and then yield more rows than the batch size.
 */
export async function releaseExpiredHolds(db: Db, options: BatchOptions = {}): Promise<number> {
  return repeatBatches(
    (batchSize) => db.$executeRaw`
      UPDATE reservations SET status = 'EXPIRED', updated_at = now()
      WHERE id = ANY(ARRAY(SELECT id FROM reservations
                           WHERE is_expired_hold(status, expires_at)
                           ORDER BY expires_at LIMIT ${batchSize}
                           FOR UPDATE SKIP LOCKED))
        AND status = 'HELD'`,
    { batchSize: options.batchSize ?? RELEASE_BATCH_SIZE, timeBudgetMs: options.timeBudgetMs ?? RELEASE_TIME_BUDGET_MS },
  );
}
