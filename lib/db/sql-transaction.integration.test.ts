import { describe, expect, it } from "vitest";
import { APP_CONNECTION_LIMITS, db } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { preparedQuery } from "@/lib/db/prepared-query";
import { inRawTransaction } from "@/lib/db/sql-transaction";
import { inTransaction } from "@/lib/db/transaction";
import { createUser } from "@/lib/testing/fixtures";
import { waitForSessionToEnd } from "@/lib/testing/wait";

/** A query exercising every type the payment path reads, with the values it sends. */
type RawQuery = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<unknown>;

async function sample(query: RawQuery) {
  const ids = ["6f1c1f0e-3a55-4c3b-9d65-0b8f3f7e9a10", "00000000-0000-4000-8000-000000000001"];
  return query`SELECT 9007199254740993::bigint AS big, ${5n} + 1::bigint AS sum, 7::int AS small, true AS flag,
                   ${ids}::uuid[] AS ids, ARRAY['a', 'b']::text[] AS texts, '{"b":1,"a":[1]}'::jsonb AS doc,
                   '2026-01-02T03:04:05.678Z'::timestamptz AS at, ${"x"}::text AS text, NULL::bigint AS nothing`;
}

describe("preparedQuery", () => {
  it("answers on the pool as Prisma does, and inside a transaction through the transaction", async () => {
    const viaPrisma = await sample((strings, ...values) => db().$queryRaw(strings, ...values));
    expect(await sample(preparedQuery(db()))).toEqual(viaPrisma);
    const inside = await inRawTransaction(db(), async (tx) => {
      await tx.$executeRaw`SELECT set_config('encore.test_marker', 'inside', true)`;
      return preparedQuery<{ marker: string }>(tx)`SELECT current_setting('encore.test_marker', true) AS marker`;
    });
    expect(inside).toEqual([{ marker: "inside" }]);
  });

  it("runs inside Prisma's transaction as that transaction's statement", async () => {
    const inside = await inTransaction(db(), async (tx) => {
      await tx.$executeRaw`SELECT set_config('encore.test_marker', 'in prisma', true)`;
      return preparedQuery<{ marker: string }>(tx)`SELECT current_setting('encore.test_marker', true) AS marker`;
    });
    expect(inside).toEqual([{ marker: "in prisma" }]);
  });

  it("bounds every statement of the app's pool by its statement_timeout", async () => {
    const [limits] = await preparedQuery<{ statement: string; idle: string }>(db())`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(limits).toEqual({
      statement: `${APP_CONNECTION_LIMITS.statementTimeoutMs / 1000}s`,
      idle: `${APP_CONNECTION_LIMITS.idleInTransactionTimeoutMs / 1000}s`,
    });
    const stuck = await preparedQuery(db())`SELECT pg_sleep(${APP_CONNECTION_LIMITS.statementTimeoutMs / 1000 + 1})`.catch((error: unknown) => error);
    expect(pgErrorCode(stuck)).toBe(PG.QUERY_CANCELED);
  });
});

describe("inRawTransaction", () => {
  it("answers raw queries with the same values and types as Prisma", async () => {
    const viaPrisma = await sample((strings, ...values) => db().$queryRaw(strings, ...values));
    const viaPool = await inRawTransaction(db(), (tx) => sample((strings, ...values) => tx.$queryRaw(strings, ...values)));
    expect(viaPool).toEqual(viaPrisma);
    expect((viaPool as { big: unknown }[])[0]!.big).toBe(9007199254740993n);
  });

  it("commits on success and rolls back everything on failure", async () => {
    const user = await createUser(db());
    await inRawTransaction(db(), (tx) => tx.$executeRaw`INSERT INTO wallets (user_id, balance) VALUES (${user.id}::uuid, 5)`);
    const failure = await inRawTransaction(db(), async (tx) => {
      await tx.$executeRaw`UPDATE wallets SET balance = 6 WHERE user_id = ${user.id}::uuid`;
      await tx.$executeRaw`UPDATE wallets SET balance = -1 WHERE user_id = ${user.id}::uuid`;
    }).catch((error: unknown) => error);
    expect(pgErrorCode(failure)).toBe(PG.CHECK_VIOLATION);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(5n);
  });

  it("refuses ORM calls instead of running them outside the transaction", async () => {
    // @ts-expect-error A raw transaction has no ORM: this does not compile, and throws if forced.
    const failure = await inRawTransaction(db(), async (tx) => tx.wallet.count()).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/Only \$queryRaw and \$executeRaw/);
  });

  it("lets the database end a transaction whose caller stalls, releasing its locks", async () => {
    const user = await createUser(db());
    await db().wallet.create({ data: { userId: user.id, balance: 1n }, select: { userId: true } });
    const stalled = await inRawTransaction(db(), async (tx) => {
      await tx.$executeRaw`SELECT set_config('idle_in_transaction_session_timeout', '200', true)`;
      await tx.$executeRaw`UPDATE wallets SET balance = 2 WHERE user_id = ${user.id}::uuid`;
      const [session] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await waitForSessionToEnd(db(), session!.pid);
      await tx.$executeRaw`SELECT 1`;
    }).catch((error: unknown) => error);
    expect(stalled).toBeInstanceOf(Error);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(1n);
    // The pool still works: the dead connection was dropped, not reused.
    expect(await inRawTransaction(db(), (tx) => tx.$queryRaw`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
