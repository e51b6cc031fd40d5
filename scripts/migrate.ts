// Applies prisma/migrations/*/migration.sql in order, once each, recording
// them in _encore_migrations. Safe to run from several processes at once.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "migrations");
/**
 * The pins of the migrations written before pins moved into each folder, and
 * the earlier texts databases may have applied (docs/decisions/052). It sits
 * among applied migrations and is never edited either: its own checksum is
 * pinned by scripts/migration-checksums.test.ts.
 */
export const CHECKSUMS_FILE = path.join(MIGRATIONS_DIR, "checksums.json");
/** A migration folder's pin: the SHA-256 of its migration.sql, written with it and never edited. */
export const PIN_FILE = "migration.sql.sha256";
const MIGRATION_LOCK_KEY = 72_616_001;

export type Migration = { name: string; sql: string; checksum: string };
export type PinnedChecksums = { pinned: Record<string, string>; previouslyApplied: Record<string, string[]> };

export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Every migration folder, in the order they apply. */
export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/** Where a migration's pin is written: in its own folder. */
export function pinFileOf(name: string): string {
  return path.join(MIGRATIONS_DIR, name, PIN_FILE);
}

/** The pins of checksums.json and the pins in the migration folders, as one list. */
export function readPinnedChecksums(): PinnedChecksums {
  const listed = JSON.parse(readFileSync(CHECKSUMS_FILE, "utf8")) as PinnedChecksums;
  const pinned = { ...listed.pinned };
  for (const { name } of listMigrations()) {
    if (!existsSync(pinFileOf(name))) continue;
    if (name in pinned) throw new Error(`${name} is pinned twice: in ${PIN_FILE} and in checksums.json.`);
    pinned[name] = readFileSync(pinFileOf(name), "utf8").trim();
  }
  return { pinned, previouslyApplied: listed.previouslyApplied };
}

/**
 * Applies every migration not applied yet. `before` stops at the first
 * migration whose name is not before it: tests build a database as an earlier
 * release left it, fill it, then migrate the rest.
 */
export async function migrate(
  databaseUrl: string,
  log: (line: string) => void = () => {},
  options: { before?: string } = {},
): Promise<string[]> {
  const { previouslyApplied } = readPinnedChecksums();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS _encore_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _encore_migrations")).rows.map(
        (row) => [row.name, row.checksum],
      ),
    );
    const newlyApplied: string[] = [];
    const migrations = listMigrations().filter(({ name }) => options.before === undefined || name < options.before);
    for (const { name, sql, checksum } of migrations) {
      const known = applied.get(name);
      if (known !== undefined) {
        // A database that applied an earlier text of a comment-only edit still starts.
        if (known !== checksum && !previouslyApplied[name]?.includes(known)) {
          throw new Error(`Migration ${name} was changed after it was applied. Restore its text and add a new migration instead.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query("INSERT INTO _encore_migrations (name, checksum) VALUES ($1, $2)", [name, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      log(`applied ${name}`);
      newlyApplied.push(name);
    }
    // No ANALYZE here: statistics taken of empty tables tell the planner they stay
    // tiny, and with autovacuum off nothing corrects that (docs/decisions/086).
    return newlyApplied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` migrates the embedded database by itself.");
    process.exit(1);
  }
  const applied = await migrate(url, console.log);
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
}
