import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_CONCERTS, DEMO_USERS } from "../../prisma/seed-data.ts";
import { databaseUrl } from "../../lib/testing/global-setup.ts";
import { prepareDatabase } from "./database.ts";
import { REPO_ROOT } from "./settings.ts";

const adminUrl = inject("adminDatabaseUrl");
const emptyDatabase = `encore_prepare_${randomBytes(4).toString("hex")}`;
const UNUSED_EMBEDDED = { dataDir: ".data/unused", port: 1, databaseName: "unused" };

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS ${emptyDatabase} WITH (FORCE)`);
});

describe("prepareDatabase with DATABASE_URL", () => {
  it("migrates an empty database, seeds it once, and leaves it alone on the next start", async () => {
    await query(adminUrl, `CREATE DATABASE ${emptyDatabase}`);
    const url = databaseUrl(adminUrl, emptyDatabase);
    const log: string[] = [];

    const first = await prepareDatabase({ root: REPO_ROOT, databaseUrl: url, embedded: UNUSED_EMBEDDED, log: (line) => log.push(line) });
    expect(first).toMatchObject({ url, isEmbedded: false, hasSeeded: true });
    expect(log.some((line) => /Applied \d+ migration/.test(line))).toBe(true);
    const [counts] = await query<{ concerts: number; users: number }>(
      url,
      "SELECT (SELECT count(*)::int FROM concerts) AS concerts, (SELECT count(*)::int FROM users) AS users",
    );
    expect(counts!.concerts).toBe(DEMO_CONCERTS.length);
    expect(counts!.users).toBeGreaterThanOrEqual(DEMO_USERS.length);
    // Analysed after seeding: the planner knows the seeded tables' sizes, whatever autovacuum does.
    const estimates = await query<{ relname: string; reltuples: number; actual: number }>(
      url,
      `SELECT c.relname, c.reltuples::int AS reltuples,
              CASE c.relname WHEN 'seats' THEN (SELECT count(*)::int FROM seats) ELSE (SELECT count(*)::int FROM performances) END AS actual
       FROM pg_class c WHERE c.relname IN ('seats', 'performances') ORDER BY c.relname`,
    );
    expect(estimates.map((row) => [row.relname, row.reltuples])).toEqual(estimates.map((row) => [row.relname, row.actual]));

    // The operator removed a demo concert: a restart must not bring it back.
    const unsold = DEMO_CONCERTS.find((concert) => !concert.isSoldOut)!;
    await query(url, "DELETE FROM concerts WHERE title = $1", [unsold.title]);
    const second = await prepareDatabase({ root: REPO_ROOT, databaseUrl: url, embedded: UNUSED_EMBEDDED, log: () => {} });
    expect(second.hasSeeded).toBe(false);
    const [after] = await query<{ concerts: number }>(url, "SELECT count(*)::int AS concerts FROM concerts");
    expect(after!.concerts).toBe(DEMO_CONCERTS.length - 1);
    await second.stop();
  });
});
