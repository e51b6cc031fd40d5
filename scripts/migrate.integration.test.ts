import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readPinnedChecksums } from "./migrate.ts";

const EDITED = "20261124120000_generic_plans_for_booking_functions";
const databaseUrl = process.env.DATABASE_URL!;
let client: pg.Client;

async function recordChecksum(checksum: string): Promise<void> {
  await client.query("UPDATE _encore_migrations SET checksum = $1 WHERE name = $2", [checksum, EDITED]);
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await recordChecksum(readPinnedChecksums().pinned[EDITED]!);
  await client.end();
});

describe("migrate on a database that applied earlier texts", () => {
  it("starts a database that applied the text before a comment-only edit", async () => {
    await recordChecksum(readPinnedChecksums().previouslyApplied[EDITED]![0]!);
    await expect(migrate(databaseUrl)).resolves.toEqual([]);
  });

  it("refuses a database whose applied text differs otherwise, asking for a new migration", async () => {
    await recordChecksum("0".repeat(64));
    await expect(migrate(databaseUrl)).rejects.toThrow(`Migration ${EDITED} was changed after it was applied. Restore its text and add a new migration instead.`);
  });
});
