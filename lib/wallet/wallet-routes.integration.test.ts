import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as balanceRoute } from "@/app/api/wallet/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { GET as entriesRoute } from "@/app/api/wallet/entries/route";
import { db } from "@/lib/db";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest } from "@/lib/testing/payments";

async function signedInFan() {
  const user = await createUser(db());
  return { userId: user.id, cookie: await sessionCookieFor(db(), user.id) };
}

async function balanceOf(cookie: string): Promise<number> {
  const response = await call(balanceRoute, testRequest("GET", "/api/wallet", { cookie }));
  expect(response.status).toBe(200);
  return (await response.json()).balance;
}

describe("GET /api/wallet and POST /api/wallet/charge", () => {
  it("starts at 0, creates the wallet on the first charge and records each charge in the ledger", async () => {
    const fan = await signedInFan();
    expect(await balanceOf(fan.cookie)).toBe(0);

    const first = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 50_000 }));
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toEqual({
      balance: 50_000,
      entry: { id: expect.any(String), type: "CHARGE", amount: 50_000, balanceAfter: 50_000, createdAt: expect.any(String) },
    });
    expect(new Date(body.entry.createdAt).toISOString()).toBe(body.entry.createdAt);

    const second = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1 }));
    expect((await second.json()).balance).toBe(50_001);
    expect(await balanceOf(fan.cookie)).toBe(50_001);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("needs a session", async () => {
    const response = await call(chargeRoute, chargeRequest({ cookie: "encore_session=forged", amount: 1000 }));
    expect(response.status).toBe(401);
    expect((await call(balanceRoute, testRequest("GET", "/api/wallet"))).status).toBe(401);
    expect((await call(entriesRoute, testRequest("GET", "/api/wallet/entries"))).status).toBe(401);
  });

  it.each([
    ["zero", 0],
    ["a negative amount", -1_000],
    ["more than 1,000,000", 1_000_001],
    ["a fraction", 1000.5],
    ["a numeric string", "1000"],
    ["2^53", 2 ** 53],
    ["a huge number", 1e300],
    ["null", null],
    ["a boolean", true],
  ])("refuses %s with 422 and changes nothing", async (_label, amount) => {
    const fan = await signedInFan();
    const response = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.details.fields)).toEqual(["amount"]);
    expect(await db().wallet.count({ where: { userId: fan.userId } })).toBe(0);
    expect(await db().idempotencyRecord.count({ where: { userId: fan.userId } })).toBe(0);
  });

  it("accepts the bounds 1 and 1,000,000", async () => {
    const fan = await signedInFan();
    expect((await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1 }))).status).toBe(200);
    expect((await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1_000_000 }))).status).toBe(200);
    expect(await balanceOf(fan.cookie)).toBe(1_000_001);
  });

  it("refuses a missing body field, malformed JSON and a missing or overlong Idempotency-Key", async () => {
    const fan = await signedInFan();
    const headers = { "idempotency-key": randomUUID() };
    const empty = await call(chargeRoute, testRequest("POST", "/api/wallet/charge", { cookie: fan.cookie, body: {}, headers }));
    expect(empty.status).toBe(422);
    const malformed = await call(chargeRoute, testRequest("POST", "/api/wallet/charge", { cookie: fan.cookie, rawBody: "{", headers }));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("MALFORMED_JSON");

    const missingKey = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1000, key: null }));
    expect(missingKey.status).toBe(400);
    expect((await missingKey.json()).error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    const longKey = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1000, key: "k".repeat(256) }));
    expect(longKey.status).toBe(422);
    expect(await balanceOf(fan.cookie)).toBe(0);
  });

  it("refuses a request from another origin", async () => {
    const fan = await signedInFan();
    const request = testRequest("POST", "/api/wallet/charge", {
      cookie: fan.cookie, body: { amount: 1000 }, headers: { "idempotency-key": "k" }, origin: "https://evil.example",
    });
    expect((await call(chargeRoute, request)).status).toBe(403);
    expect(await balanceOf(fan.cookie)).toBe(0);
  });
});

describe("charge idempotency", () => {
  it("charges once for a retried key and returns the same answer; another amount under it is 422", async () => {
    const fan = await signedInFan();
    const key = randomUUID();
    const first = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 10_000, key }));
    const retry = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 10_000, key }));
    expect(retry.status).toBe(first.status);
    expect(await retry.text()).toBe(await first.text());
    expect(retry.headers.get("idempotent-replayed")).toBe("true");

    const reused = await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 20_000, key }));
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await balanceOf(fan.cookie)).toBe(10_000);
  });

  it("charges once for 50 concurrent requests with the same key", async () => {
    const fan = await signedInFan();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 7_000, key }))),
    );
    const answers = await Promise.all(responses.map(async (response) => ({ status: response.status, text: await response.text() })));
    const succeeded = answers.filter((answer) => answer.status === 200);
    const others = answers.filter((answer) => answer.status !== 200);
    expect(succeeded.length).toBeGreaterThan(1);
    expect(new Set(succeeded.map((answer) => answer.text)).size).toBe(1);
    for (const other of others) expect(JSON.parse(other.text).error.code).toBe("REQUEST_IN_PROGRESS");
    expect(await balanceOf(fan.cookie)).toBe(7_000);
    expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(1);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("sums 100 concurrent charges with distinct keys", async () => {
    const fan = await signedInFan();
    const amounts = Array.from({ length: 100 }, (_, index) => 1_000 + index);
    const responses = await Promise.all(amounts.map((amount) => call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount }))));
    expect(responses.map((response) => response.status)).toEqual(amounts.map(() => 200));
    const balancesAfter = await Promise.all(responses.map(async (response) => (await response.json()).entry.balanceAfter as number));
    const expected = amounts.reduce((sum, amount) => sum + amount, 0);
    expect(await balanceOf(fan.cookie)).toBe(expected);
    expect(Math.max(...balancesAfter)).toBe(expected);
    expect(new Set(balancesAfter).size).toBe(100);
    expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(100);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });
});

describe("GET /api/wallet/entries", () => {
  it("pages through the history newest first without gaps or repeats", async () => {
    const fan = await signedInFan();
    for (let amount = 1; amount <= 45; amount++) {
      await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount }));
    }
    const seen: number[] = [];
    let cursor = "";
    let pages = 0;
    do {
      const response = await call(entriesRoute, testRequest("GET", `/api/wallet/entries?cursor=${cursor}`, { cookie: fan.cookie }));
      expect(response.status).toBe(200);
      const page = await response.json();
      seen.push(...page.entries.map((entry: { amount: number }) => entry.amount));
      for (const entry of page.entries) expect(entry).toMatchObject({ type: "CHARGE", paymentId: null, concertTitle: null, seatCount: null });
      cursor = page.nextCursor ?? "";
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, index) => 45 - index));
  });

  it("honours limit and shows only the fan's own entries", async () => {
    const [fan, other] = [await signedInFan(), await signedInFan()];
    await call(chargeRoute, chargeRequest({ cookie: other.cookie, amount: 999 }));
    await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 1 }));
    await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 2 }));
    const response = await call(entriesRoute, testRequest("GET", "/api/wallet/entries?limit=1", { cookie: fan.cookie }));
    const page = await response.json();
    expect(page.entries.map((entry: { amount: number }) => entry.amount)).toEqual([2]);
    const next = await call(entriesRoute, testRequest("GET", `/api/wallet/entries?limit=5&cursor=${page.nextCursor}`, { cookie: fan.cookie }));
    expect(await next.json()).toMatchObject({ entries: [{ amount: 1, balanceAfter: 1 }], nextCursor: null });
  });

  it.each(["abc", "-1", "0", "1.5", "99999999999999999999", "1;DROP"])("refuses the cursor %j with 422", async (cursor) => {
    const fan = await signedInFan();
    const response = await call(entriesRoute, testRequest("GET", `/api/wallet/entries?cursor=${encodeURIComponent(cursor)}`, { cookie: fan.cookie }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  });
});
