import "server-only";
import type pg from "pg";
import { sqlPoolOf, type Database, type RawTransaction } from "@/lib/db/client";
import { toPreparedQuery } from "@/lib/db/prepared-query";

/**
 * A transaction on one pooled pg connection of the client, for work written in
 * raw SQL that sets its own limits in its first statement. `work` gets a
 * RawTransaction: `$queryRaw` and `$executeRaw` tagged templates, prepared by
 * name, with the same values in and the same row shapes out as Prisma's. The
 * type has nothing else, so an ORM call does not compile; at run time any
 * other property throws too, so it can never silently run outside the
 * transaction.
 *
 * Why: Prisma's interactive transaction costs about 0.6 ms of CPU to open and
 * 0.3 ms per statement on top of the query; on the payment path (six
 * statements) that was most of the request's CPU. See docs/decisions/030, 055.
 */
export async function inRawTransaction<T>(database: Database, work: (tx: RawTransaction) => Promise<T>): Promise<T> {
  const connection = await sqlPoolOf(database).connect();
  let isBroken = false;
  // The server may end the session while this code holds it (e.g. the idle-in-transaction
  // timeout); pg reports that as an event, which must not go unhandled.
  const onConnectionError = () => {
    isBroken = true;
  };
  connection.on("error", onConnectionError);
  try {
    await connection.query("BEGIN");
    const result = await work(rawTransactionOn(connection));
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

function rawTransactionOn(connection: pg.PoolClient): RawTransaction {
  const rawOnly: RawTransaction = {
    $queryRaw: async <T,>(strings: TemplateStringsArray, ...values: unknown[]) =>
      (await connection.query(toPreparedQuery(strings, values))).rows as T,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) =>
      (await connection.query(toPreparedQuery(strings, values))).rowCount ?? 0,
  };
  return new Proxy(rawOnly, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      // Symbols and `then` are asked by inspection and promise resolution, not by domain code.
      if (typeof property === "symbol" || property === "then") return undefined;
      throw new Error(`Only $queryRaw and $executeRaw run in a raw transaction (tried ${String(property)}).`);
    },
  });
}
