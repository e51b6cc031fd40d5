import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { db } from "@/lib/db";
import { call, testRequest } from "@/lib/testing/http";
import { createPayingFan, payRequest } from "@/lib/testing/payments";

describe("POST /api/payments input, session and Idempotency-Key", () => {
  it.each([
    ["no ids", []],
    ["a non-UUID id", ["nope"]],
    ["a duplicate id", ["6f1c1f0e-3a55-4c3b-9d65-0b8f3f7e9a10", "6f1c1f0e-3a55-4c3b-9d65-0b8f3f7e9a10"]],
    ["a number instead of a list", 5],
    ["21 ids", Array.from({ length: 21 }, () => randomUUID())],
  ])("refuses %s with 422", async (_label, reservationIds) => {
    const fan = await createPayingFan(db(), { balance: 500_000 });
    const response = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("VALIDATION_FAILED");
  });

  it("needs a session and an Idempotency-Key; refuses a reused key with another body", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [7, 8], balance: 500_000 });
    const ids = fan.holds.map((hold) => hold.id);
    expect((await call(payRoute, payRequest({ cookie: "", token: fan.token, reservationIds: ids }))).status).toBe(401);
    const noKey = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids, key: null }));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");

    const key = randomUUID();
    expect((await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [ids[0]], key }))).status).toBe(201);
    const reused = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids, key }));
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
  });

  it("treats upper-case ids like their lower-case form", async () => {
    const fan = await createPayingFan(db(), { balance: 500_000 });
    const key = randomUUID();
    const ids = fan.holds.map((hold) => hold.id);
    const upper = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids.map((id) => id.toUpperCase()), key }));
    expect(upper.status).toBe(201);
    const lower = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids, key }));
    expect(lower.status).toBe(201);
    expect(lower.headers.get("idempotent-replayed")).toBe("true");
  });

  it("answers 401 UNAUTHENTICATED without a session cookie", async () => {
    const response = await call(payRoute, testRequest("POST", "/api/payments", { body: { reservationIds: [randomUUID()] }, headers: { "idempotency-key": "k" } }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });
});
