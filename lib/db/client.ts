import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";
import { logError } from "@/lib/log";

export { Prisma };
export type Database = PrismaClient;
/** The database or an open transaction: domain functions take either. */
export type Db = PrismaClient | Prisma.TransactionClient;

const poolOfClient = new WeakMap<PrismaClient, pg.Pool>();

export type ClientLimits = {
  /** Longest any one statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: number;
  /** Longest a transaction may sit idle (a stuck caller) before PostgreSQL ends its session, releasing its locks. */
  idleInTransactionTimeoutMs: number;
};

export function createPrismaClient(options: { connectionString: string; poolSize?: number; limits?: ClientLimits }): PrismaClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // Sent when each connection starts, so they bound every statement, also those that
    // cannot set a limit themselves (a single statement has begun before it could).
    ...(options.limits && {
      statement_timeout: options.limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: options.limits.idleInTransactionTimeoutMs,
    }),
    // A client that cannot get a connection in time fails fast instead of
    // queueing forever behind a storm.
    connectionTimeoutMillis: 10_000,
    // TCP keepalive finds a connection whose server vanished without closing it.
    keepAlive: true,
  });
  // A dropped idle connection is replaced on next use; it must not crash the process.
  pool.on("error", (error) => logError("idle database connection failed", error));
  // The server may also end a connection while a request holds it between two
  // statements (pg_terminate_backend, a restart). pg reports that as an "error"
  // event, which would crash the process with no listener; the connection is
  // marked unusable instead, its next statement fails (503) and the pool drops
  // it when it comes back.
  pool.on("connect", (connection) => connection.on("error", () => {}));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  poolOfClient.set(client, pool);
  return client;
}

/**
 * The pg pool under a client made by createPrismaClient: the one place raw pg
 * runs, for a hot path whose interactive transaction the ORM makes several
 * times dearer (docs/decisions/030-wallet-and-idempotency.md).
 */
export function sqlPoolOf(client: PrismaClient): pg.Pool | undefined {
  return poolOfClient.get(client);
}
