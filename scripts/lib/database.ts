// The database a local server runs on: the embedded PostgreSQL (created on
// demand) or the one DATABASE_URL names; migrated, and seeded when empty.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { migrate } from "../migrate.ts";
import { generatePrismaClient } from "../prisma-generate.ts";

export type PreparedDatabase = {
  url: string;
  isEmbedded: boolean;
  hasSeeded: boolean;
  stop: () => Promise<void>;
};

export type DatabaseOptions = {
  root: string;
  /** Use this server and database as they are (created and managed elsewhere). */
  databaseUrl?: string;
  /** Otherwise: an embedded server with its data here, on this port. */
  embedded: { dataDir: string; port: number; isFresh?: boolean; databaseName: string };
  log: (line: string) => void;
};

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

async function hasConcerts(url: string): Promise<boolean> {
  return withClient(url, async (client) => (await client.query("SELECT 1 FROM concerts LIMIT 1")).rowCount !== 0);
}

/** Seeds the demo catalogue and accounts unless the database already has concerts. */
async function seedIfEmpty(root: string, url: string): Promise<boolean> {
  if (await hasConcerts(url)) return false;
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) generatePrismaClient();
  const [{ seedDemoData }, { createPrismaClient }] = await Promise.all([
    import("../../prisma/seed.ts"),
    import("../../lib/db/client.ts"),
  ]);
  const client = createPrismaClient({ connectionString: url, poolSize: 2 });
  try {
    await seedDemoData(client);
  } finally {
    await client.$disconnect();
  }
  return true;
}

async function startEmbedded(options: DatabaseOptions) {
  const { dataDir, port, isFresh, databaseName } = options.embedded;
  if (isFresh) rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, port, handlesSignals: true });
  try {
    await createDatabaseIfMissing(server.url("postgres"), databaseName);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url(databaseName), stop: server.stop };
}

/** Starts (if embedded), migrates and seeds-when-empty; stop() stops what was started. */
export async function prepareDatabase(options: DatabaseOptions): Promise<PreparedDatabase> {
  const isEmbedded = !options.databaseUrl;
  const { url, stop } = options.databaseUrl
    ? { url: options.databaseUrl, stop: async () => {} }
    : await startEmbedded(options);
  try {
    const applied = await migrate(url);
    if (applied.length) options.log(`Applied ${applied.length} migration(s).`);
    const hasSeeded = await seedIfEmpty(options.root, url);
    if (hasSeeded) options.log("Seeded the demo concerts and accounts.");
    return { url, isEmbedded, hasSeeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
