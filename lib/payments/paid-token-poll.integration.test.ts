import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import { db } from "@/lib/db";
import { SNAPSHOT_FRESH_MS } from "@/lib/queue/room-snapshot";
import { createUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { createPayingFan, payRequest } from "@/lib/testing/payments";
import { admitFan } from "@/lib/testing/queue";

async function poll(token: string): Promise<{ status: number; code?: string; queueStatus?: string }> {
  const response = await call(statusRoute, testRequest("GET", "/api/queue/status", { headers: { "x-queue-token": token } }));
  const body = await response.json();
  return { status: response.status, code: body.error?.code, queueStatus: body.status };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the status poll after a payment", () => {
  it("answers 410 at once in the process that took the payment; another process's payment shows within a snapshot", async () => {
    // The clock stands still unless the test moves it, so the room snapshot stays fresh throughout.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const payer = await createPayingFan(db(), { balance: 300_000 });
    const neighbour = await admitFan(db(), { userId: (await createUser(db())).id, concertId: payer.concertId });
    expect(await poll(payer.token)).toMatchObject({ status: 200, queueStatus: "ADMITTED" });
    expect(await poll(neighbour.token)).toMatchObject({ status: 200, queueStatus: "ADMITTED" });

    const paid = await call(payRoute, payRequest({ cookie: payer.cookie, token: payer.token, reservationIds: payer.holds.map((hold) => hold.id) }));
    expect(paid.status).toBe(201);
    expect(await poll(payer.token)).toEqual({ status: 410, code: "QUEUE_TOKEN_EXPIRED" });

    // Paid through another app process: this one still sees the turn until its snapshot is re-read.
    await db().$executeRaw`
      UPDATE queue_tokens SET status = 'ENDED', end_reason = 'PAID', ended_at = now() WHERE id = ${neighbour.tokenId}::uuid`;
    expect(await poll(neighbour.token)).toMatchObject({ status: 200, queueStatus: "ADMITTED" });
    vi.setSystemTime(Date.now() + SNAPSHOT_FRESH_MS);
    expect(await poll(neighbour.token)).toEqual({ status: 410, code: "QUEUE_TOKEN_EXPIRED" });
  });

  it("keeps answering a retried payment with the stored answer, and the poll with 410", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const payer = await createPayingFan(db(), { balance: 300_000 });
    expect((await poll(payer.token)).status).toBe(200);
    const request = () => payRequest({ cookie: payer.cookie, token: payer.token, reservationIds: payer.holds.map((hold) => hold.id), key: "same-key-0001" });

    expect((await call(payRoute, request())).status).toBe(201);
    const retry = await call(payRoute, request());
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await poll(payer.token)).toEqual({ status: 410, code: "QUEUE_TOKEN_EXPIRED" });
  });
});
