import "server-only";
import type pg from "pg";
import type { Prisma } from "@/lib/db";
import { sqlPoolOf, type Database } from "@/lib/db/client";
import { toPreparedQuery } from "@/lib/db/prepared-query";

/**
 * A transaction on one pooled pg connection, handed to domain code as a
 * transaction client that speaks only `$queryRaw` and `$executeRaw` tagged
 * templates (the same values in, the same row shapes out as Prisma's). Anything
 * else throws at once, so an ORM call can never silently run outside it.
 *
 * Why: Prisma's interactive transaction costs about 0.6 ms of CPU to open and
 * 0.3 ms per statement on top of the query; on the payment path (six
 * statements) that was most of the request's CPU. See docs/decisions/030.
 */
export async function inSqlTransaction<T>(pool: pg.Pool, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const connection = await pool.connect();
  const rawOnly = {
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await connection.query(toPreparedQuery(strings, values))).rows,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
      (await connection.query(toPreparedQuery(strings, values))).rowCount ?? 0,
  };
  const tx = new Proxy(rawOnly, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      // Symbols and `then` are asked by inspection and promise resolution, not by domain code.
      if (typeof property === "symbol" || property === "then") return undefined;
      throw new Error(`Only $queryRaw and $executeRaw run in a raw transaction (tried ${String(property)}).`);
    },
  }) as unknown as Prisma.TransactionClient;
  let isBroken = false;
  // The server may end the session while this code holds it (e.g. the idle-in-transaction
  // timeout); pg reports that as an event, which must not go unhandled.
  const onConnectionError = () => {
    isBroken = true;
  };
  connection.on("error", onConnectionError);
  try {
    await connection.query("BEGIN");
    const result = await work(tx);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch(() => {
      isBroken = true;
    });
    throw error;
  } finally {
    connection.removeListener("error", onConnectionError);
    // A connection that failed or could not even roll back is closed rather than reused.
    connection.release(isBroken);
  }
}

const MAX_WAIT_FOR_CONNECTION_MS = 10_000;

/**
 * A transaction for work written in raw SQL that sets its own limits in its
 * first statement: on the client's pg pool when it has one (the app's client
 * always does), else Prisma's interactive transaction.
 */
export function inRawTransaction<T>(
  database: Database,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options: { timeoutMs: number },
): Promise<T> {
  const pool = sqlPoolOf(database);
  if (pool) return inSqlTransaction(pool, work);
  return database.$transaction(work, { maxWait: MAX_WAIT_FOR_CONNECTION_MS, timeout: options.timeoutMs });
}
