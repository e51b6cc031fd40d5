import { beforeEach, describe, expect, it } from "vitest";
import { GET as releaseHoldsRoute } from "@/app/api/cron/release-holds/route";
import { backdateHolds } from "@/lib/booking/booking-test-kit";
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createConcert, createUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

/** Writes `count` holds of one fan straight to the table and returns their ids. */
async function insertHolds(count: number, options: { expired: boolean }): Promise<string[]> {
  const { performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: count });
  const user = await createUser(db());
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO reservations (seat_id, performance_id, user_id, price, expires_at)
    SELECT id, performance_id, ${user.id}::uuid, price, now() + interval '5 minutes'
    FROM seats WHERE performance_id = ${performanceIds[0]}::uuid RETURNING id`;
  const ids = rows.map((row) => row.id);
  if (options.expired) await backdateHolds(ids);
  return ids;
}

async function statusesOf(ids: string[]): Promise<string[]> {
  const rows = await db().reservation.findMany({ where: { id: { in: ids } }, select: { status: true } });
  return [...new Set(rows.map((row) => row.status))];
}

function cronRequest(options: { authorization?: string; query?: string } = {}): Request {
  const headers: Record<string, string> = options.authorization ? { authorization: options.authorization } : {};
  return testRequest("GET", `/api/cron/release-holds${options.query ?? ""}`, { headers });
}

describe("GET /api/cron/release-holds", () => {
  // Each test counts only its own expired holds.
  beforeEach(async () => {
    await releaseExpiredHolds(db());
  });

  it("refuses a missing or wrong secret, and a secret in the query string, with 401", async () => {
    const expired = await insertHolds(3, { expired: true });
    const secret = env().CRON_SECRET;
    const refused = [
      cronRequest(),
      cronRequest({ authorization: "Bearer wrong-secret-of-some-length" }),
      cronRequest({ authorization: `Basic ${secret}` }),
      cronRequest({ authorization: `Bearer ${secret}x` }),
      cronRequest({ authorization: `Bearer ${secret} junk` }),
      cronRequest({ authorization: `Bearer  ${secret}` }),
      cronRequest({ authorization: `bearer ${secret}` }),
      cronRequest({ query: `?secret=${secret}` }),
      cronRequest({ query: `?authorization=Bearer%20${secret}` }),
    ];
    for (const request of refused) {
      const response = await call(releaseHoldsRoute, request);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    expect(await statusesOf(expired)).toEqual(["HELD"]);
  });

  it("marks expired holds EXPIRED, leaves live ones alone, and reports the counts", async () => {
    const expired = await insertHolds(4, { expired: true });
    const live = await insertHolds(2, { expired: false });

    const response = await call(releaseHoldsRoute, cronRequest({ authorization: `Bearer ${env().CRON_SECRET}` }));

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ released: expect.any(Number), expiredTokens: expect.any(Number) });
    expect(body.released).toBe(4);
    expect(await statusesOf(expired)).toEqual(["EXPIRED"]);
    expect(await statusesOf(live)).toEqual(["HELD"]);
    // Again at once: nothing left to do.
    const again = await call(releaseHoldsRoute, cronRequest({ authorization: `Bearer ${env().CRON_SECRET}` }));
    expect((await again.json()).released).toBe(0);
  });

  it("releases each expired hold once in total when two runs overlap", async () => {
    const expired = await insertHolds(300, { expired: true });

    const [first, second] = await Promise.all([
      releaseExpiredHolds(db(), { batchSize: 20 }),
      releaseExpiredHolds(db(), { batchSize: 20 }),
    ]);

    expect(first + second).toBe(300);
    expect(await statusesOf(expired)).toEqual(["EXPIRED"]);
  });

  it("works through more expired holds than one batch", async () => {
    const expired = await insertHolds(25, { expired: true });

    const released = await releaseExpiredHolds(db(), { batchSize: 10 });

    expect(released).toBe(25);
    expect(await statusesOf(expired)).toEqual(["EXPIRED"]);
  });

  it("stops after one batch when its time budget is spent, and the next run finishes", async () => {
    const expired = await insertHolds(25, { expired: true });

    expect(await releaseExpiredHolds(db(), { batchSize: 10, timeBudgetMs: 0 })).toBe(10);
    expect(await releaseExpiredHolds(db(), { batchSize: 10 })).toBe(15);
    expect(await statusesOf(expired)).toEqual(["EXPIRED"]);
  });
});
