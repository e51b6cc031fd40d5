import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";
import { logError } from "@/lib/log";

export { Prisma };
export type Database = PrismaClient;
/** The database or an open Prisma transaction: domain functions that use the ORM take either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * What runs tagged-template SQL (`$queryRaw` rows, `$executeRaw` row count):
 * the app's client, a Prisma transaction, and a raw transaction. Domain
 * functions written in SQL alone take this, so they also run inside a raw
 * transaction (docs/decisions/055).
 */
export type SqlClient = {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

/** A transaction on one pooled pg connection (inRawTransaction): raw SQL only, no ORM. */
export type RawTransaction = SqlClient;

// One registry per process, not per module instance: Next bundles server actions apart from the
// pages and routes that first made the app's client (lib/db keeps that client on globalThis), so
// a module-level map would not know the client in an action and its raw SQL would find no pool.
const registry = globalThis as unknown as { encorePoolOfClient?: WeakMap<PrismaClient, pg.Pool> };
const poolOfClient = (registry.encorePoolOfClient ??= new WeakMap<PrismaClient, pg.Pool>());

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
    // The app's statements are short index lookups: JIT compiling them costs far more than
    // it saves, and a fresh database without statistics (autovacuum off, as on many
    // installations) misestimates them past jit_above_cost (docs/decisions/086).
    options: "-c jit=off",
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
 * The pg pool under a client. Every client is made by createPrismaClient (the
 * app's, the tests', the bench's, the seed's; a lint rule refuses any other
 * `new PrismaClient`), so every client has one. Only lib/db runs SQL on it
 * (preparedQuery, inRawTransaction), and tests that watch what a client sends.
 */
export function sqlPoolOf(client: PrismaClient): pg.Pool {
  const pool = poolOfClient.get(client);
  if (!pool) throw new Error("This database client was not made by createPrismaClient.");
  return pool;
}

/** The pool when `db` is a client; undefined when it is a transaction (Prisma's or a raw one). */
export function sqlPoolOfClient(db: SqlClient): pg.Pool | undefined {
  return poolOfClient.get(db as PrismaClient);
}
