// Applied migrations are pinned: prisma/migrations/checksums.json holds the
// SHA-256 of every migration.sql (docs/decisions/052).
import { describe, expect, it } from "vitest";
import { listMigrations, readPinnedChecksums } from "./migrate.ts";

const migrations = listMigrations();
const { pinned } = readPinnedChecksums();

describe("prisma/migrations/checksums.json", () => {
  it.each(migrations.map((migration) => [migration.name, migration] as const))("pins %s as it was written", (name, migration) => {
    const checksum = pinned[name];
    if (checksum === undefined) {
      expect.fail(`${name} is new: add "${name}": "${migration.checksum}" to prisma/migrations/checksums.json under "pinned".`);
    }
    if (checksum !== migration.checksum) {
      expect.fail(`${name} was edited after it was written (pinned ${checksum}, now ${migration.checksum}). Databases may have applied it: restore its text and add a new migration instead.`);
    }
  });

  it("pins no migration that does not exist", () => {
    expect(Object.keys(pinned).sort()).toEqual(migrations.map((migration) => migration.name));
  });
});
