// Applied migrations are pinned: each folder's migration.sql.sha256 (or, for
// the migrations written before those, prisma/migrations/checksums.json) holds
// the SHA-256 of its migration.sql (docs/decisions/052).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKSUMS_FILE, listMigrations, migrationChecksum, PIN_FILE, readPinnedChecksums } from "./migrate.ts";

/** checksums.json as it was last written; it is frozen like the migrations beside it. */
const CHECKSUMS_FILE_SHA256 = "348659e33e6891a82e921a4900fc61c4e953c2d53b349e12a2bd88e95c7da463";

const migrations = listMigrations();
const { pinned } = readPinnedChecksums();

describe("pinned migrations", () => {
  it.each(migrations.map((migration) => [migration.name, migration] as const))("pins %s as it was written", (name, migration) => {
    const checksum = pinned[name];
    if (checksum === undefined) {
      expect.fail(`${name} is new: write ${migration.checksum} into ${path.join("prisma/migrations", name, PIN_FILE)}.`);
    }
    if (checksum !== migration.checksum) {
      expect.fail(`${name} was edited after it was written (pinned ${checksum}, now ${migration.checksum}). Databases may have applied it: restore its text and add a new migration instead.`);
    }
  });

  it("keeps checksums.json as it was written (a new migration's pin goes in its own folder)", () => {
    expect(migrationChecksum(readFileSync(CHECKSUMS_FILE, "utf8"))).toBe(CHECKSUMS_FILE_SHA256);
  });

  it("pins no migration that does not exist", () => {
    expect(Object.keys(pinned).sort()).toEqual(migrations.map((migration) => migration.name));
  });
});
