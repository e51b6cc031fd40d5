import type { Database, Prisma } from "@/lib/db/client";

export type TransactionLimits = {
  /** How long a statement may wait for a row lock before giving up. */
  lockTimeoutMs?: number;
  /** How long one statement may run. */
  statementTimeoutMs?: number;
};

/** The limits of every transaction that does not ask for others: this one and the idempotency record's. */
export const DEFAULT_TRANSACTION_LIMITS = { lockTimeoutMs: 2_000, statementTimeoutMs: 5_000 } satisfies Required<TransactionLimits>;

/**
 * An interactive transaction with lock_timeout and statement_timeout set, so a
 * stuck client can never pin a seat or a wallet row for long.
 */
export async function inTransaction<T>(
  database: Database,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  limits: TransactionLimits = {},
): Promise<T> {
  const { lockTimeoutMs, statementTimeoutMs } = { ...DEFAULT_TRANSACTION_LIMITS, ...limits };
  return database.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `SET LOCAL lock_timeout = ${Math.trunc(lockTimeoutMs)}; SET LOCAL statement_timeout = ${Math.trunc(statementTimeoutMs)}`,
      );
      return work(tx);
    },
    { maxWait: 10_000, timeout: statementTimeoutMs * 3 },
  );
}
