// PostgreSQL restarts under load, and the app (its route handlers and its one
// pool) recovers without being restarted: while the server is down every
// answer is 503 with Retry-After (health included), never a 500; once it is
// back, requests succeed again; charges retried with the same Idempotency-Key
// take effect exactly once. A second storm of charges, competing holds,
// payments, fans cancelling tickets and the operator refunding payments (each
// money request retried with its Idempotency-Key until answered, and once
// more after) runs across a stop and start, its history recorded: every
// answer is explained by the database afterwards (lib/testing/history) and
// the money and seat invariants hold. Uses an embedded PostgreSQL of its own, with
// its data under .data/ and a port of its own, so stopping it disturbs nobody.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as concertsRoute } from "@/app/api/concerts/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { POST as holdRoute } from "@/app/api/reservations/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { POST as refundRoute } from "@/app/api/admin/payments/[paymentId]/refund/route";
import { POST as cancelRoute } from "@/app/api/tickets/[reservationId]/cancel/route";
import { APP_CONNECTION_LIMITS, type Database } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import type { Operation } from "@/lib/testing/history/history-types";
import { expectHistoryExplained, startHistory, type Recorder } from "@/lib/testing/history/record-history";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest, payRequest } from "@/lib/testing/payments";
import { admitFan } from "@/lib/testing/queue";
import { cancelRequest, refundRequest } from "@/lib/testing/refunds";
import { startEmbeddedPostgres, type RunningPostgres } from "@/scripts/embedded-postgres";
import { isPortFree } from "@/scripts/lib/port";
import { migrate } from "@/scripts/migrate";
import { TEST_POSTGRES_PORT } from "@/lib/testing/test-postgres";

const DATA_DIR = ".data/postgres-restart-test";
// Near the checkout's own test server (TEST_POSTGRES_PORT), so two checkouts
// running this file at once never take each other's port: a port freed by the
// stop must not be taken by another run's server before the restart.
const PORTS = Array.from({ length: 10 }, (_, index) => TEST_POSTGRES_PORT + 40 + index);
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

type StormTally = { answers: number[]; answersSinceRestart: number; sawUnavailable: boolean; refundedSinceRestart: number };

/**
 * Sends the request until it is answered with anything but 503 (a client
 * retrying after Retry-After, the same Idempotency-Key each time), recording
 * every attempt in the history.
 */
async function untilAnswered(tally: StormTally, isRestarted: () => boolean, send: () => Promise<Response>): Promise<Response> {
  for (;;) {
    const response = await send();
    tally.answers.push(response.status);
    if (response.status !== 503) {
      if (isRestarted()) tally.answersSinceRestart += 1;
      return response;
    }
    tally.sawUnavailable = true;
    expect(response.headers.get("retry-after")).toBe("1");
  }
}

/** An admitted place in line, retried while the database is away (the test's own write needs it too, and counts as seeing it away). */
async function admittedToken(tally: StormTally, userId: string, concertId: string): Promise<string> {
  for (;;) {
    try {
      return (await admitFan(testClient, { userId, concertId })).token;
    } catch {
      tally.sawUnavailable = true;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * A fan who, until told to stop, charges, holds one of the shared seats and
 * pays for it; of their paid tickets the first is cancelled by the fan, the
 * second refunded by the operator, the third kept, and so on. Each step is
 * retried until answered; a money request is then sent once more with its key,
 * which must replay the answer (the history checks it is one effect).
 */
function stormFan(options: {
  fan: { userId: string; cookie: string };
  operatorCookie: string;
  concertId: string;
  performanceId: string;
  seatIds: string[];
  history: Recorder;
  isRestarted: () => boolean;
  isStopped: () => boolean;
}) {
  const { fan, history } = options;
  const tally: StormTally = { answers: [], answersSinceRestart: 0, sawUnavailable: false, refundedSinceRestart: 0 };
  const until = (send: () => Promise<Response>) => untilAnswered(tally, options.isRestarted, send);
  /** A money request with a key: until answered, then once more with the same key. */
  const withRetry = async (operation: Operation, send: () => Promise<Response>) => {
    const answer = await until(() => history.record(operation, send));
    await until(() => history.record(operation, send));
    return answer;
  };
  const done = (async () => {
    let token = await admittedToken(tally, fan.userId, options.concertId);
    let paid = 0;
    for (let round = 0; !options.isStopped(); round++) {
      const chargeKey = randomUUID();
      await withRetry({ kind: "charge", userId: fan.userId, amount: 200_000, key: chargeKey }, () =>
        call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 200_000, key: chargeKey })),
      );
      const seatId = options.seatIds[(round * 7 + fan.userId.charCodeAt(0)) % options.seatIds.length]!;
      const hold = await until(() =>
        history.record({ kind: "hold", userId: fan.userId, seatIds: [seatId] }, () =>
          call(
            holdRoute,
            testRequest("POST", "/api/reservations", {
              cookie: fan.cookie,
              headers: { "x-queue-token": token },
              body: { performanceId: options.performanceId, seatIds: [seatId] },
            }),
          ),
        ),
      );
      if (hold.status !== 201) continue;
      const reservationIds = ((await hold.json()) as { reservations: { id: string }[] }).reservations.map((row) => row.id);
      const payKey = randomUUID();
      const pay = await withRetry({ kind: "pay", userId: fan.userId, reservationIds, key: payKey }, () =>
        call(payRoute, payRequest({ cookie: fan.cookie, token, reservationIds, key: payKey })),
      );
      if (pay.status !== 201) continue;
      // Paying ends the place in line: the next round needs a new one.
      token = await admittedToken(tally, fan.userId, options.concertId);
      const paymentId = ((await pay.json()) as { payment: { id: string } }).payment.id;
      const key = randomUUID();
      const refunded =
        paid % 3 === 0
          ? await withRetry({ kind: "cancel", userId: fan.userId, reservationId: reservationIds[0]!, key }, () =>
              call(cancelRoute, cancelRequest({ cookie: fan.cookie, reservationId: reservationIds[0]!, key }), { reservationId: reservationIds[0]! }),
            )
          : paid % 3 === 1
            ? await withRetry({ kind: "refund", userId: fan.userId, paymentId, key }, () =>
                call(refundRoute, refundRequest({ cookie: options.operatorCookie, paymentId, key }), { paymentId }),
              )
            : undefined;
      paid += 1;
      if (refunded?.status === 200 && options.isRestarted()) tally.refundedSinceRestart += 1;
    }
  })();
  return { tally, done };
}

describe("a PostgreSQL stop and start during a storm of charges, holds and payments", () => {
  it("answers only 503 while it is away, recovers, and the history (refunds included) is explained by the database", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { concertId, performanceIds } = await createConcert(testClient, { performances: 1, seatsPerPerformance: 30 });
    const seatIds = (await testClient.seat.findMany({ where: { performanceId: performanceIds[0]! }, select: { id: true } })).map((seat) => seat.id);
    const fans = await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const user = await createUser(testClient);
        return { userId: user.id, cookie: await sessionCookieFor(testClient, user.id) };
      }),
    );
    const operatorCookie = await sessionCookieFor(testClient, (await createUser(testClient, { role: "ADMIN" })).id);
    const history = await startHistory(testClient);
    let isRestarted = false;
    let isStopped = false;
    const storm = fans.map((fan) =>
      stormFan({
        fan, operatorCookie, concertId, performanceId: performanceIds[0]!, seatIds, history, isRestarted: () => isRestarted, isStopped: () => isStopped,
      }),
    );
    await waitFor(() => storm.every((fan) => fan.tally.answers.filter((status) => status < 300).length >= 3));

    await server.stop();
    await waitFor(() => storm.every((fan) => fan.tally.sawUnavailable));
    server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port });
    isRestarted = true;
    // Until every fan has been answered a few times since, and refunds or cancellations have gone through after the restart too.
    await waitFor(() => storm.every((fan) => fan.tally.answersSinceRestart >= 6) && storm.some((fan) => fan.tally.refundedSinceRestart >= 2));
    isStopped = true;
    await Promise.all(storm.map((fan) => fan.done));

    // Never a 500: successes, refusals the rules explain, and 503 while the database was away.
    const statuses = new Set(storm.flatMap((fan) => fan.tally.answers));
    expect([...statuses].filter((status) => ![200, 201, 402, 409, 410, 503].includes(status))).toEqual([]);
    expect(statuses).toContain(503);
    expect(history.events.some((event) => event.kind === "pay" && event.status === 201)).toBe(true);
    for (const kind of ["refund", "cancel"]) expect(history.events.some((event) => event.kind === kind && event.status === 200), kind).toBe(true);
    await expectHistoryExplained(testClient, history);
    expect(await countInvariantViolations(testClient)).toEqual(NO_VIOLATIONS);
  }, 180_000);
});
