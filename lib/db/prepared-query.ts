import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { sqlPoolOfClient, type SqlClient } from "@/lib/db/client";

const INT8_OID = 20;

/** int8 as BigInt, like Prisma's raw queries; every other type as pg parses it (Date, jsonb, arrays…). */
const PRISMA_LIKE_TYPES = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format),
};

const statementNames = new WeakMap<TemplateStringsArray, { name: string; text: string }>();

/**
 * The statement of a tagged template, named after its text: pg prepares a
 * named statement once per connection, so PostgreSQL parses and plans a hot
 * statement once instead of on every request. A template's strings array is
 * the same object on every call, so the name is computed once.
 */
export function toPreparedQuery(strings: TemplateStringsArray, values: unknown[]): pg.QueryConfig {
  if (!Array.isArray(strings) || !("raw" in strings)) throw new Error("Only tagged-template SQL runs as a prepared statement.");
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
 * One statement of a hot path, as a tagged template: on a client it runs on
 * the client's pg pool as a named prepared statement; inside a transaction it
 * is that transaction's statement (`$queryRaw`; a raw transaction prepares it
 * the same way). Same values in, same row shapes out either way.
 *
 * Why: an ORM raw query costs about 0.15–0.25 ms of CPU in the app on top of
 * the statement, and PostgreSQL re-plans it every time; the session check, the
 * admission guard and the seat map run on nearly every booking request
 * (docs/decisions/020, 055).
 *
 *     const rows = await preparedQuery<{ id: string }>(db)`SELECT id FROM users WHERE email = ${email}`;
 */
export function preparedQuery<Row>(db: SqlClient): (strings: TemplateStringsArray, ...values: unknown[]) => Promise<Row[]> {
  const pool = sqlPoolOfClient(db);
  if (!pool) return (strings, ...values) => db.$queryRaw<Row[]>(strings, ...values);
  return async (strings, ...values) => (await pool.query(toPreparedQuery(strings, values))).rows as Row[];
}
