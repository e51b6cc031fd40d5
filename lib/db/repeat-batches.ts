import "server-only";

/** How much of the table one cron run works through. */
export type BatchOptions = { batchSize?: number; timeBudgetMs?: number };

/**
 * Runs `batch` (one short statement that handles at most `batchSize` rows and
 * answers how many it handled) until a batch comes back short, so nothing is
 * left, or the time budget is spent, and returns the total. Each batch commits
 * on its own: a run cut short keeps what it did and the next run goes on.
 */
export async function repeatBatches(
  batch: (batchSize: number) => Promise<number>,
  options: { batchSize: number; timeBudgetMs: number },
): Promise<number> {
  const deadline = Date.now() + options.timeBudgetMs;
  let total = 0;
  for (;;) {
    const count = await batch(options.batchSize);
    total += count;
    if (count < options.batchSize || Date.now() >= deadline) return total;
  }
}
