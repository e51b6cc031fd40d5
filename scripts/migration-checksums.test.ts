// Applied migrations are pinned: each folder's migration.sql.sha256 (or, for
// the migrations written before those, prisma/migrations/checksums.json) holds
// the SHA-256 of its migration.sql (docs/decisions/052).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKSUMS_FILE, listMigrations, migrationChecksum, PIN_FILE, readPinnedChecksums } from "./migrate.ts";

/** checksums.json as it was last written; it is frozen like the migrations beside it. */
const CHECKSUMS_FILE_SHA256 = "56d33483c481dc8b9061de958904eaab262f9a86c7431859bc3393952b7ea9e9";

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
