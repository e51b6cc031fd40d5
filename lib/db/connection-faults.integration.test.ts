// The app's PostgreSQL connection is terminated in the middle of a charge, a
// hold, a payment and a session lookup. Each answer is a success or 503
// SERVICE_UNAVAILABLE with Retry-After, never a 500; a read is retried on a
// fresh connection; a retry with the same Idempotency-Key takes effect exactly
// once; and the whole database keeps its money and seat invariants.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { POST as holdRoute } from "@/app/api/reservations/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { GET as entriesRoute } from "@/app/api/wallet/entries/route";
import { db } from "@/lib/db";
import { createPrismaClient, sqlPoolOf } from "@/lib/db/client";
import { isConnectionFault } from "@/lib/db/connection-fault";
import { expectServiceUnavailable, failureOf, quietLogs, terminateBackendsUntilStopped, terminateMidStatement } from "@/lib/testing/faults";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest, createPayingFan, payRequest } from "@/lib/testing/payments";
import { admitFan } from "@/lib/testing/queue";

afterEach(async () => {
  vi.restoreAllMocks();
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

async function signedInFan() {
  const user = await createUser(db());
  return { userId: user.id, cookie: await sessionCookieFor(db(), user.id) };
}

describe("a connection terminated mid-statement", () => {
  it("a charge answers 503, and its retry with the same key charges exactly once", async () => {
    quietLogs();
    const fan = await signedInFan();
    const key = randomUUID();
    const first = await terminateMidStatement({
      table: "wallet_entries",
      statement: /ledger_write\(/,
      during: () => call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 5_000, key })),
    });
    await expectServiceUnavailable(first);
    expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(0);

    const retry = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 5_000, key }));
    expect(retry.status).toBe(200);
    const replay = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 5_000, key }));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await retry.json());
    expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(1);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(5_000n);
  });

  it("a hold answers 503 and holds nothing; holding again succeeds", async () => {
    quietLogs();
    const fan = await signedInFan();
    const { concertId, performanceIds, } = await createConcert(db(), { performances: 1, seatsPerPerformance: 4 });
    const { headers } = await admitFan(db(), { userId: fan.userId, concertId });
    const [seat] = await db().seat.findMany({ where: { performanceId: performanceIds[0]! }, select: { id: true }, take: 1 });
    const hold = () =>
      call(holdRoute, testRequest("POST", "/api/reservations", { cookie: fan.cookie, headers, body: { performanceId: performanceIds[0], seatIds: [seat!.id] } }));

    const first = await terminateMidStatement({ table: "reservations", statement: /hold_seats\(/, during: hold });
    await expectServiceUnavailable(first);
    expect(await db().reservation.count({ where: { userId: fan.userId } })).toBe(0);

    const again = await hold();
    expect(again.status).toBe(201);
    expect(await db().reservation.count({ where: { userId: fan.userId, status: "HELD" } })).toBe(1);
  });

  it("a payment answers 503 and pays nothing; its retry with the same key pays exactly once", async () => {
    quietLogs();
    const fan = await createPayingFan(db(), { balance: 1_000_000 });
    const key = randomUUID();
    const pay = () => call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: fan.holds.map((hold) => hold.id), key }));

    const first = await terminateMidStatement({ table: "wallet_entries", statement: /settle_payment\(/, during: pay });
    await expectServiceUnavailable(first);
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(0);
    expect(await db().reservation.count({ where: { userId: fan.userId, status: "HELD" } })).toBe(fan.holds.length);

    expect((await pay()).status).toBe(201);
    const replay = await pay();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
    expect(await db().reservation.count({ where: { userId: fan.userId, status: "CONFIRMED" } })).toBe(fan.holds.length);
    expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(BigInt(1_000_000 - fan.total));
  });

  it("a session lookup is retried on a fresh connection: the request succeeds", async () => {
    quietLogs();
    const fan = await signedInFan();
    const response = await terminateMidStatement({
      table: "sessions",
      statement: /FROM sessions s JOIN users u/,
      during: () => call(meRoute, testRequest("GET", "/api/me", { cookie: fan.cookie })),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user.id).toBe(fan.userId);
  });

  it("a session lookup of a charge is retried too, and the charge goes through once", async () => {
    quietLogs();
    const fan = await signedInFan();
    const response = await terminateMidStatement({
      table: "sessions",
      statement: /FROM sessions s JOIN users u/,
      during: () => call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1_000 })),
    });
    expect(response.status).toBe(200);
    expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(1);
  });

  it("a GET whose read is cut is answered from a second attempt", async () => {
    quietLogs();
    const fan = await signedInFan();
    await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 2_000 }));
    const response = await terminateMidStatement({
      table: "wallet_entries",
      statement: /wallet_entries/,
      during: () => call(entriesRoute, testRequest("GET", "/api/wallet/entries", { cookie: fan.cookie })),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).entries).toHaveLength(1);
  });
});

describe("what the drivers throw", () => {
  it("knows a terminated ORM query, raw query and pool query, and an unreachable server, as connection faults", async () => {
    quietLogs();
    const cut = (run: () => Promise<unknown>) =>
      terminateMidStatement({ table: "users", statement: /users/, during: () => failureOf(run) });
    expect(isConnectionFault(await cut(() => db().user.findMany({ select: { id: true } })))).toBe(true);
    expect(isConnectionFault(await cut(() => db().$queryRaw`SELECT count(*) FROM users`))).toBe(true);
    expect(isConnectionFault(await cut(() => sqlPoolOf(db())!.query("SELECT count(*) FROM users")))).toBe(true);
    const unreachable = createPrismaClient({ connectionString: "postgresql://postgres@127.0.0.1:9/encore" });
    try {
      expect(isConnectionFault(await failureOf(() => unreachable.user.count()))).toBe(true);
      expect(isConnectionFault(await failureOf(() => sqlPoolOf(unreachable)!.query("SELECT 1")))).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("drops the terminated connections from the pool, idle ones included, and serves the next reads", async () => {
    quietLogs();
    const pool = sqlPoolOf(db())!;
    // Fill the pool with a few idle connections.
    await Promise.all(Array.from({ length: 4 }, () => pool.query("SELECT 1")));
    const before = pool.totalCount;
    expect(before).toBeGreaterThanOrEqual(1);
    let removed = 0;
    const onRemove = () => void (removed += 1);
    pool.on("remove", onRemove);
    try {
      const killer = await terminateBackendsUntilStopped();
      // Wait (on the pool's own events) until it has noticed and dropped every connection it had.
      while (removed < before) await new Promise((resolve) => pool.once("remove", resolve));
      expect(await killer.stop()).toBeGreaterThanOrEqual(before);
    } finally {
      pool.off("remove", onRemove);
    }
    const response = await call(entriesRoute, testRequest("GET", "/api/wallet/entries", { cookie: (await signedInFan()).cookie }));
    expect(response.status).toBe(200);
  });

  it("never leaves a checked-out connection without an error listener, so a connection ended between statements cannot crash the process", async () => {
    const pool = sqlPoolOf(db())!;
    const connections = await Promise.all(Array.from({ length: 3 }, () => pool.connect()));
    try {
      for (const connection of connections) expect(connection.listenerCount("error")).toBeGreaterThan(0);
    } finally {
      for (const connection of connections) connection.release();
    }
  });
});

describe("connections terminated over and over during concurrent charges and payments", () => {
  it("answers only successes and 503s, and retries with the same keys take effect exactly once", async () => {
    quietLogs();
    const fans = await Promise.all(Array.from({ length: 6 }, () => createPayingFan(db(), { balance: 500_000 })));
    type Attempt = { send: () => Promise<Response>; success: number };
    const attempts: Attempt[] = fans.flatMap((fan) => {
      const chargeKey = randomUUID();
      const payKey = randomUUID();
      const ids = fan.holds.map((hold) => hold.id);
      return [
        { send: () => call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 7_000, key: chargeKey })), success: 200 },
        { send: () => call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids, key: payKey })), success: 201 },
      ];
    });

    const killer = await terminateBackendsUntilStopped();
    const statuses = await Promise.all(attempts.flatMap((attempt) => [attempt.send(), attempt.send()]).map(async (pending) => (await pending).status));
    const terminated = await killer.stop();
    expect(terminated).toBeGreaterThan(0);
    // A duplicate of a key still in flight may answer 409 REQUEST_IN_PROGRESS, as without faults.
    for (const status of statuses) expect([200, 201, 409, 503]).toContain(status);

    for (const attempt of attempts) {
      const retried = await attempt.send();
      expect(retried.status).toBe(attempt.success);
    }
    for (const fan of fans) {
      expect(await db().walletEntry.count({ where: { userId: fan.userId, type: "CHARGE" } })).toBe(2);
      expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
      expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(BigInt(500_000 + 7_000 - fan.total));
    }
  });
});
