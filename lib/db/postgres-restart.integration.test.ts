// PostgreSQL restarts under load, and the app (its route handlers and its one
// pool) recovers without being restarted: while the server is down every
// answer is 503 with Retry-After (health included), never a 500; once it is
// back, requests succeed again; charges retried with the same Idempotency-Key
// take effect exactly once. Uses an embedded PostgreSQL of its own, with its
// data under .data/ and a port of its own, so stopping it disturbs nobody.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as concertsRoute } from "@/app/api/concerts/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { APP_CONNECTION_LIMITS, type Database } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest } from "@/lib/testing/payments";
import { startEmbeddedPostgres, type RunningPostgres } from "@/scripts/embedded-postgres";
import { isPortFree } from "@/scripts/lib/port";
import { migrate } from "@/scripts/migrate";

const DATA_DIR = ".data/postgres-restart-test";
const PORTS = [54380, 54381, 54382, 54383, 54384, 54385, 54386, 54387, 54388, 54389];
const DATABASE = "encore_restart";
const WORKERS = 6;
const CHARGE_WON = 1_000;

const holder = globalThis as unknown as { encorePrisma?: Database };
let server: RunningPostgres;
let port = 0;
let appClient: Database;
let testClient: Database;
let previousAppClient: Database | undefined;

async function createFreshDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  for (const candidate of PORTS) {
    if (await isPortFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (!port) throw new Error(`No free port in ${PORTS[0]}–${PORTS.at(-1)} for the restart test's PostgreSQL.`);
  server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port });
  await createFreshDatabase(server.url("postgres"));
  await migrate(server.url(DATABASE));
  previousAppClient = holder.encorePrisma;
  // The app's own client, built as lib/db.ts builds it; the test's checks use another.
  appClient = createPrismaClient({ connectionString: server.url(DATABASE), poolSize: 10, limits: APP_CONNECTION_LIMITS });
  testClient = createPrismaClient({ connectionString: server.url(DATABASE), poolSize: 2 });
  holder.encorePrisma = appClient;
}, 120_000);

afterAll(async () => {
  holder.encorePrisma = previousAppClient;
  await appClient?.$disconnect();
  await testClient?.$disconnect();
  await server?.stop();
}, 60_000);

type Tally = { statuses: number[]; successesSinceRestart: number; sawUnavailable: boolean };

/** A fan who, until told to stop, loads the catalogue, checks the session and charges the wallet, one after another. */
function fanLoop(options: { cookie: string; isRestarted: () => boolean; isStopped: () => boolean; keys: Map<string, number> }) {
  const tally: Tally = { statuses: [], successesSinceRestart: 0, sawUnavailable: false };
  const record = async (response: Response, success: number) => {
    tally.statuses.push(response.status);
    if (response.status === 503) {
      tally.sawUnavailable = true;
      expect(response.headers.get("retry-after")).toBe("1");
      expect((await response.json()).error.code).toBe("SERVICE_UNAVAILABLE");
    } else if (response.status === success && options.isRestarted()) {
      tally.successesSinceRestart += 1;
    }
  };
  const done = (async () => {
    while (!options.isStopped()) {
      await record(await call(concertsRoute, testRequest("GET", "/api/concerts")), 200);
      await record(await call(meRoute, testRequest("GET", "/api/me", { cookie: options.cookie })), 200);
      const key = randomUUID();
      const charge = await call(chargeRoute, chargeRequest({ cookie: options.cookie, amount: CHARGE_WON, key }));
      options.keys.set(key, charge.status);
      await record(charge, 200);
    }
  })();
  return { tally, done };
}

/** Waits for a condition by re-checking it after each turn of the event loop's I/O, never a fixed sleep. */
async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

describe("a PostgreSQL restart under load", () => {
  it("answers 503 while the database is down and recovers without restarting the app", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const user = await createUser(testClient);
    await createConcert(testClient, { performances: 1, seatsPerPerformance: 2 });
    const cookie = await sessionCookieFor(testClient, user.id);

    let isRestarted = false;
    let isStopped = false;
    const keys = new Map<string, number>();
    const fans = Array.from({ length: WORKERS }, () =>
      fanLoop({ cookie, isRestarted: () => isRestarted, isStopped: () => isStopped, keys }),
    );
    await waitFor(() => fans.every((fan) => fan.tally.statuses.filter((status) => status === 200).length >= 3));

    await server.stop();
    const health = await call(healthRoute, testRequest("GET", "/api/health"));
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("1");
    expect(await health.json()).toEqual({ status: "degraded", database: "down" });
    await waitFor(() => fans.every((fan) => fan.tally.sawUnavailable));

    server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port });
    isRestarted = true;
    await waitFor(async () => (await call(healthRoute, testRequest("GET", "/api/health"))).status === 200);
    await waitFor(() => fans.every((fan) => fan.tally.successesSinceRestart >= 6));
    isStopped = true;
    await Promise.all(fans.map((fan) => fan.done));

    const statuses = new Set(fans.flatMap((fan) => fan.tally.statuses));
    expect([...statuses].sort()).toEqual([200, 503]);

    // Each charge that was cut off is retried with its key: afterwards every key took effect exactly once.
    for (const [key, status] of keys) {
      if (status === 200) continue;
      const retried = await call(chargeRoute, chargeRequest({ cookie, amount: CHARGE_WON, key }));
      expect(retried.status).toBe(200);
    }
    expect(await testClient.walletEntry.count({ where: { userId: user.id } })).toBe(keys.size);
    expect((await testClient.wallet.findUniqueOrThrow({ where: { userId: user.id } })).balance).toBe(BigInt(keys.size * CHARGE_WON));
    expect(await countInvariantViolations(testClient)).toEqual(NO_VIOLATIONS);
  }, 180_000);
});
