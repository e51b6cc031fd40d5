import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/db";
import { sqlPoolOf, type Database } from "@/lib/db/client";

const INT8_OID = 20;

/** int8 as BigInt, like Prisma's raw queries; every other type as pg parses it (Date, jsonb, arrays…). */
const PRISMA_LIKE_TYPES = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format),
};

const statementNames = new WeakMap<TemplateStringsArray, { name: string; text: string }>();

/**
 * The statement of a tagged template, named after its text: pg prepares a
 * named statement once per connection, so PostgreSQL parses and plans the
 * payment's statements once instead of on every request. A template's strings
 * array is the same object on every call, so the name is computed once.
 */
function toQuery(strings: TemplateStringsArray, values: unknown[]): pg.QueryConfig {
  if (!Array.isArray(strings) || !("raw" in strings)) throw new Error("Only tagged-template SQL runs in a raw transaction.");
  let statement = statementNames.get(strings);
  if (!statement) {
    let text = strings[0]!;
    for (let index = 1; index < strings.length; index++) text += `$${index}${strings[index]}`;
    statement = { name: `encore_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text };
    statementNames.set(strings, statement);
  }
  return { ...statement, values, types: PRISMA_LIKE_TYPES } as pg.QueryConfig;
}

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
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await connection.query(toQuery(strings, values))).rows,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
      (await connection.query(toQuery(strings, values))).rowCount ?? 0,
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
