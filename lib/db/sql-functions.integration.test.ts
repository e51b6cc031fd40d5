// Proves that prisma/functions/<name>.sql is the current definition of every
// SQL function in the migrated database: applying the file again changes
// nothing pg_get_functiondef reports (docs/decisions/051).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FUNCTIONS_DIR = path.join(process.cwd(), "prisma", "functions");

/** Every function of the public schema that no extension brought, by name. */
const FUNCTION_DEFINITIONS = `
  SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  ORDER BY p.proname`;

/** Runs of spaces and tabs and blank lines do not count; everything else does. */
function normalise(definition: string): string {
  return definition
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

async function readDefinitions(client: pg.Client): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(FUNCTION_DEFINITIONS);
  return new Map(rows.map((row) => [row.name, normalise(row.definition)]));
}

const files = readdirSync(FUNCTIONS_DIR).filter((name) => name.endsWith(".sql")).sort();
let client: pg.Client;
let migrated: Map<string, string>;
let fromFiles: Map<string, string>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  migrated = await readDefinitions(client);
  await client.query("BEGIN");
  try {
    for (const file of files) await client.query(readFileSync(path.join(FUNCTIONS_DIR, file), "utf8"));
    fromFiles = await readDefinitions(client);
  } finally {
    await client.query("ROLLBACK");
  }
});

afterAll(async () => {
  await client?.end();
});

describe("prisma/functions", () => {
  it("has one file per SQL function of the migrated database, named after it", () => {
    expect(files).toEqual([...migrated.keys()].map((name) => `${name}.sql`));
    expect([...fromFiles.keys()]).toEqual([...migrated.keys()]);
  });

  it.each(files)("%s is the definition the migrations left (else add a migration that applies it)", (file) => {
    const name = file.replace(/\.sql$/, "");
    expect(fromFiles.get(name)).toBe(migrated.get(name));
  });
});

describe("rule functions", () => {
  // Inlined: the plan shows the written-out condition, so indexes apply and a call costs nothing extra.
  it.each([
    ["is_on_sale", "SELECT id FROM performances p WHERE is_on_sale(p.booking_closes_at, p.starts_at)", "booking_closes_at"],
    ["is_booking_open", "SELECT id FROM performances p WHERE is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at)", "booking_opens_at"],
    ["is_live_hold", "SELECT id FROM reservations r WHERE is_live_hold(r.status, r.expires_at)", "expires_at"],
    ["is_expired_hold", "SELECT id FROM reservations r WHERE is_expired_hold(r.status, r.expires_at, clock_timestamp())", "expires_at"],
    ["is_live_reservation", "SELECT id FROM reservations r WHERE is_live_reservation(r.status, r.expires_at)", "expires_at"],
  ])("%s is inlined into the calling statement", async (name, query, column) => {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (VERBOSE, COSTS OFF) ${query}`);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toContain(column);
    expect(plan).not.toContain(`${name}(`);
  });
});
