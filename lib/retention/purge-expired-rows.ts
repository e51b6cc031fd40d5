import "server-only";
import type { Db } from "@/lib/db";
import { deleteExpiredBatch } from "@/lib/retention/delete-expired-batch";
import { RETENTION_KINDS, type RetentionKind } from "@/lib/retention/retention-policy";

export const PURGE_BATCH_SIZE = 1_000;
/** The purge runs after the cron's own work, so it gets the smaller share of a serverless function's time. */
export const PURGE_TIME_BUDGET_MS = 5_000;

export type PurgeOptions = {
  /** The moment the retention windows are judged against (tests move it); the database clock when absent. */
  now?: Date;
  batchSize?: number;
  timeBudgetMs?: number;
  /** Milliseconds, for the time budget only (tests inject one that jumps). */
  clock?: () => number;
};

export type PurgeResult = Record<RetentionKind, number> & {
  /** Every kind ran out of removable rows; false when the time budget ended the run first. */
  isDrained: boolean;
};

/**
 * Removes the rows whose retention window is over (lib/retention/retention-policy.ts)
 * in bounded batches until none is left or the time budget is spent, and says
 * how many of each kind it removed. Kinds take turns, one batch each per round,
 * so a large backlog of one kind does not hold back the others. No batch starts
 * once the budget is spent, so a run ends at most one batch past it. Safe to
 * run twice at once: each batch skips the rows another run has locked, so the
 * two split the work and each row is removed (and counted) once.
 */
export async function purgeExpiredRows(db: Db, options: PurgeOptions = {}): Promise<PurgeResult> {
  const clock = options.clock ?? Date.now;
  const batchSize = options.batchSize ?? PURGE_BATCH_SIZE;
  const deadline = clock() + (options.timeBudgetMs ?? PURGE_TIME_BUDGET_MS);
  const removed = Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, 0])) as Record<RetentionKind, number>;
  let pending = RETENTION_KINDS;
  while (pending.length > 0) {
    const stillPending: RetentionKind[] = [];
    for (const [index, kind] of pending.entries()) {
      const count = await deleteExpiredBatch(db, kind, { now: options.now ?? null, limit: batchSize });
      removed[kind] += count;
      if (count === batchSize) stillPending.push(kind);
      if (clock() >= deadline) {
        const isDrained = stillPending.length === 0 && index === pending.length - 1;
        return { ...removed, isDrained };
      }
    }
    pending = stillPending;
  }
  return { ...removed, isDrained: true };
}
