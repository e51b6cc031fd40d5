import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/db/client";

export type { Db, Database, RawTransaction, SqlClient } from "@/lib/db/client";
export { Prisma } from "@/lib/db/client";

/**
 * Limits on every connection of the app's pool. Requests are short; a
 * statement that runs longer than this is stuck behind something and is
 * better answered with an error than left holding a connection and its locks.
 * Transactions that need tighter limits set them locally (holds, payments).
 */
export const APP_CONNECTION_LIMITS = { statementTimeoutMs: 5_000, idleInTransactionTimeoutMs: 10_000 } as const;

const globalForPrisma = globalThis as unknown as { encorePrisma?: Database };

/** The app's one Prisma client (one pool per process). */
export function db(): Database {
  globalForPrisma.encorePrisma ??= createPrismaClient({
    connectionString: env().DATABASE_URL,
    poolSize: env().DATABASE_POOL_SIZE,
    limits: APP_CONNECTION_LIMITS,
  });
  return globalForPrisma.encorePrisma;
}
