// Runs before each integration test file: a fresh database cloned from the
// migrated template, which the app's db() singleton then uses. Dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { databaseUrl } from "./global-setup.ts";

const adminUrl = inject("adminDatabaseUrl");
const database = `encore_test_${randomBytes(6).toString("hex")}`;

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

await adminQuery(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
process.env.DATABASE_URL = databaseUrl(adminUrl, database);
process.env.DATABASE_POOL_SIZE = "20";
process.env.ENCORE_DATA_DIR = ".data/test-secrets";
process.env.SESSION_SECRET = "test-session-secret-0123456789abcdef0123456789";
process.env.QUEUE_TOKEN_SECRET = "test-queue-secret-0123456789abcdef0123456789ab";
process.env.CRON_SECRET = "test-cron-secret-0123456789";

afterAll(async () => {
  const holder = globalThis as unknown as { encorePrisma?: { $disconnect(): Promise<void> } };
  await holder.encorePrisma?.$disconnect();
  holder.encorePrisma = undefined;
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});
