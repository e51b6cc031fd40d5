import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as cronRoute } from "@/app/api/cron/release-holds/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { purgeExpiredRows } from "@/lib/retention/purge-expired-rows";
import { RETENTION, RETENTION_KINDS, type RetentionKind } from "@/lib/retention/retention-policy";
import { countRemaining, createPassedRoom, insertRows } from "@/lib/retention/retention-test-kit";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest, createPayingFan, payRequest } from "@/lib/testing/payments";

const DAY_SECONDS = 24 * 60 * 60;
const CENTURY_MS = 100 * 365 * DAY_SECONDS * 1000;

let room: Awaited<ReturnType<typeof createPassedRoom>>;

beforeAll(async () => {
  room = await createPassedRoom();
});

// Each test counts only its own rows.
beforeEach(async () => {
  await purgeExpiredRows(db());
});

async function balanceAfterCharges(userId: string): Promise<{ balance: number; charges: number }> {
  const [row] = await db().$queryRaw<{ balance: bigint | null; charges: number }[]>`
    SELECT (SELECT balance FROM wallets WHERE user_id = ${userId}::uuid) AS balance,
           (SELECT count(*)::int FROM wallet_entries WHERE user_id = ${userId}::uuid) AS charges`;
  return { balance: Number(row!.balance ?? 0), charges: row!.charges };
}

/** Every money row (payments, ledger, wallets, reservations) exactly as stored. */
async function moneySnapshot(): Promise<unknown> {
  const [row] = await db().$queryRaw<{ snapshot: unknown }[]>`
    SELECT json_build_object(
      'payments', (SELECT json_agg(p ORDER BY p.id) FROM payments p),
      'walletEntries', (SELECT json_agg(e ORDER BY e.id) FROM wallet_entries e),
      'wallets', (SELECT json_agg(w ORDER BY w.user_id) FROM wallets w),
      'reservations', (SELECT json_agg(r ORDER BY r.id) FROM reservations r)) AS snapshot`;
  return row!.snapshot;
}

describe("retention of idempotency records", () => {
  it("answers a retry inside the window with the stored answer, and treats one after it as a new request", async () => {
    const fan = await createUser(db());
    const cookie = await sessionCookieFor(db(), fan.id);
    const key = randomUUID();
    const first = await call(chargeRoute, chargeRequest({ cookie, amount: 10_000, key }));
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    const [record] = await db().$queryRaw<{ created_at: Date }[]>`
      SELECT created_at FROM idempotency_records WHERE user_id = ${fan.id}::uuid AND key = ${key}`;
    const windowEndsMs = record!.created_at.getTime() + RETENTION.idempotencyRecords.keepSeconds * 1000;

    await purgeExpiredRows(db(), { now: new Date(windowEndsMs - 60_000) });
    const retry = await call(chargeRoute, chargeRequest({ cookie, amount: 10_000, key }));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(firstBody);
    expect(await balanceAfterCharges(fan.id)).toEqual({ balance: 10_000, charges: 1 });

    const purged = await purgeExpiredRows(db(), { now: new Date(windowEndsMs + 1_000) });
    expect(purged.idempotencyRecords).toBeGreaterThanOrEqual(1);
    const late = await call(chargeRoute, chargeRequest({ cookie, amount: 10_000, key }));
    expect(late.status).toBe(200);
    expect((await late.json()).balance).toBe(20_000);
    expect(await balanceAfterCharges(fan.id)).toEqual({ balance: 20_000, charges: 2 });
  });
});

describe("what the purge never touches", () => {
  it("leaves every payment, ledger entry, wallet and reservation as it was, a century on", async () => {
    const fan = await createPayingFan(db(), { balance: 500_000 });
    const paid = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: fan.holds.map((hold) => hold.id) }));
    expect(paid.status).toBe(201);
    await createPayingFan(db(), { balance: 1_000, expiresInMs: -60_000 }); // an expired hold, never paid
    const before = await moneySnapshot();

    const purged = await purgeExpiredRows(db(), { now: new Date(Date.now() + CENTURY_MS) });

    // The payment's idempotency record and the paid place in line are gone; the money is not.
    expect(purged.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect(purged.queueTokens).toBeGreaterThanOrEqual(1);
    expect(await countRemaining("queueTokens", [fan.tokenId])).toBe(0);
    expect(await moneySnapshot()).toEqual(before);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });
});

describe("GET /api/cron/release-holds purges", () => {
  const cron = () =>
    call(cronRoute, testRequest("GET", "/api/cron/release-holds", { headers: { authorization: `Bearer ${env().CRON_SECRET}` } }));

  it("each row once when two runs overlap, both answering 200 with what they removed", async () => {
    const user = await createUser(db());
    const count = 1_500; // more than one batch of each kind
    const keys = {} as Record<RetentionKind, string[]>;
    for (const kind of RETENTION_KINDS) {
      keys[kind] = await insertRows(kind, { userId: user.id, room, moment: null, ageSeconds: RETENTION[kind].keepSeconds + 3_600, count });
    }
    const live = await insertRows("sessions", { userId: user.id, room, moment: null, ageSeconds: -DAY_SECONDS });

    const responses = await Promise.all([cron(), cron()]);

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    for (const body of bodies) {
      expect(body).toEqual({
        released: expect.any(Number),
        expiredTokens: expect.any(Number),
        purged: { sessions: expect.any(Number), idempotencyRecords: expect.any(Number), queueTokens: expect.any(Number), signInThrottles: expect.any(Number) },
        isPurgeDrained: true,
      });
    }
    for (const kind of RETENTION_KINDS) {
      expect(bodies[0].purged[kind] + bodies[1].purged[kind]).toBe(count);
      expect(await countRemaining(kind, keys[kind])).toBe(0);
    }
    expect(await countRemaining("sessions", live)).toBe(1);
  });
});
