import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { db } from "@/lib/db";
import { requireAdmission } from "@/lib/queue/require-admission";
import { queueCookieName } from "@/lib/queue/token";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { createHolds, fundWallet } from "@/lib/testing/holds";
import { call } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest, createPayingFan, payRequest, type PayingFan } from "@/lib/testing/payments";
import { admitFan } from "@/lib/testing/queue";

async function payAll(fan: PayingFan, key?: string) {
  return call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: fan.holds.map((hold) => hold.id), key }));
}

/** What a payment could have changed, to compare before and after a refusal. */
async function snapshot(fan: PayingFan) {
  const [wallet, entries, payments, reservations, token, records] = await Promise.all([
    db().wallet.findUnique({ where: { userId: fan.userId }, select: { balance: true } }),
    db().walletEntry.count({ where: { userId: fan.userId } }),
    db().payment.count({ where: { userId: fan.userId } }),
    db().reservation.findMany({ where: { userId: fan.userId }, select: { id: true, status: true, paymentId: true }, orderBy: { id: "asc" } }),
    db().queueToken.findUnique({ where: { id: fan.tokenId }, select: { status: true, endReason: true } }),
    db().idempotencyRecord.count({ where: { userId: fan.userId } }),
  ]);
  return { balance: wallet?.balance ?? null, entries, payments, reservations, token, records };
}

describe("POST /api/payments", () => {
  it("pays the holds in one go: debit, ledger entry, payment, confirmed seats, token ended", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [1, 12], balance: 300_000 });
    expect(fan.total).toBe(260_000);
    const response = await payAll(fan);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      payment: { id: expect.any(String), amount: 260_000, status: "COMPLETED", createdAt: expect.any(String) },
      reservations: fan.holds.map((hold) => expect.objectContaining({
        id: hold.id, seatId: hold.seatId, seatNumber: hold.seatNumber, price: hold.price, status: "CONFIRMED",
        performanceId: fan.performanceId, concertId: fan.concertId,
      })),
      balance: 40_000,
    });
    expect(body.reservations.map((reservation: { grade: string }) => reservation.grade)).toEqual(["VIP", "R"]);

    const after = await snapshot(fan);
    expect(after.balance).toBe(40_000n);
    expect(after.payments).toBe(1);
    expect(after.reservations.every((reservation) => reservation.status === "CONFIRMED" && reservation.paymentId === body.payment.id)).toBe(true);
    const entry = await db().walletEntry.findFirstOrThrow({ where: { paymentId: body.payment.id }, select: { type: true, amount: true, balanceAfter: true } });
    expect(entry).toEqual({ type: "PAYMENT", amount: -260_000n, balanceAfter: 40_000n });
    expect(after.token).toEqual({ status: "ENDED", endReason: "PAID" });
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("frees the place in line: the token no longer admits, but a retry still gets the stored answer", async () => {
    const fan = await createPayingFan(db(), { balance: 300_000 });
    const key = randomUUID();
    const first = await payAll(fan, key);
    expect(first.status).toBe(201);
    await expect(requireAdmission(db(), { token: fan.token, userId: fan.userId, concertId: fan.concertId }))
      .rejects.toMatchObject({ code: "QUEUE_TOKEN_EXPIRED", status: 410 });

    const retry = await payAll(fan, key);
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(await first.text());
    const again = await payAll(fan);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("RESERVATION_NOT_PAYABLE");
    expect((await snapshot(fan)).payments).toBe(1);
  });

  it("accepts the web UI's queue cookie for the concert instead of the header", async () => {
    const fan = await createPayingFan(db(), { balance: 300_000 });
    const request = payRequest({
      cookie: `${fan.cookie}; ${queueCookieName(fan.concertId)}=${encodeURIComponent(fan.token)}`,
      reservationIds: fan.holds.map((hold) => hold.id),
    });
    expect((await call(payRoute, request)).status).toBe(201);
  });

  it("changes nothing when the balance is short, and pays with the same key after the shortfall is charged", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [1, 2], balance: 100_000 });
    const key = randomUUID();
    const before = await snapshot(fan);
    const short = await payAll(fan, key);
    expect(short.status).toBe(402);
    expect(await short.json()).toEqual({
      error: { code: "INSUFFICIENT_BALANCE", message: expect.any(String), details: { required: 300_000, balance: 100_000, shortfall: 200_000 } },
    });
    const after = await snapshot(fan);
    expect(after).toEqual(before);
    expect(after.token).toEqual({ status: "ADMITTED", endReason: null });
    expect(after.reservations.every((reservation) => reservation.status === "HELD")).toBe(true);

    expect((await call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 200_000 }))).status).toBe(200);
    const paid = await payAll(fan, key);
    expect(paid.status).toBe(201);
    expect((await paid.json()).balance).toBe(0);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("answers 402 with the whole total when the fan has no wallet yet", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [15] });
    const response = await payAll(fan);
    expect(response.status).toBe(402);
    expect((await response.json()).error.details).toEqual({ required: 110_000, balance: 0, shortfall: 110_000 });
    expect(await db().wallet.count({ where: { userId: fan.userId } })).toBe(0);
  });

  it("refuses another fan's reservation ids with 409 and moves nothing", async () => {
    const owner = await createPayingFan(db(), { balance: 500_000 });
    const thief = await createUser(db());
    await fundWallet(db(), { userId: thief.id, amount: 500_000 });
    const thiefToken = await admitFan(db(), { userId: thief.id, concertId: owner.concertId });
    const response = await call(payRoute, payRequest({
      cookie: await sessionCookieFor(db(), thief.id), token: thiefToken.token, reservationIds: [owner.holds[0]!.id],
    }));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: "RESERVATION_NOT_PAYABLE", details: { reservationIds: [owner.holds[0]!.id] } },
    });
    expect(await db().payment.count({ where: { userId: { in: [owner.userId, thief.id] } } })).toBe(0);
    expect((await snapshot(owner)).reservations.every((reservation) => reservation.status === "HELD")).toBe(true);
  });

  it("refuses unknown ids, a mix with a foreign id, and holds of two concerts with 409", async () => {
    const fan = await createPayingFan(db(), { balance: 1_000_000 });
    const unknown = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [randomUUID()] }));
    expect(unknown.status).toBe(409);
    const mixed = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [fan.holds[0]!.id, randomUUID()] }));
    expect(mixed.status).toBe(409);

    const other = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const [elsewhere] = await createHolds(db(), { userId: fan.userId, performanceId: other.performanceIds[0]!, seatNumbers: [1] });
    const twoConcerts = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [fan.holds[0]!.id, elsewhere!.id] }));
    expect(twoConcerts.status).toBe(409);
    expect((await twoConcerts.json()).error.code).toBe("RESERVATION_NOT_PAYABLE");
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(0);
  });

  it("refuses a cancelled hold with 409 and an expired one with 410 HOLD_EXPIRED, moving nothing", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [3, 4], balance: 500_000 });
    await db().reservation.update({ where: { id: fan.holds[0]!.id }, data: { status: "CANCELLED" }, select: { id: true } });
    const cancelled = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: [fan.holds[0]!.id] }));
    expect(cancelled.status).toBe(409);

    const backdated = await createPayingFan(db(), { seatNumbers: [5, 6], balance: 500_000, expiresInMs: 300_000 });
    await db().$executeRaw`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ${backdated.holds[1]!.id}::uuid`;
    const before = await snapshot(backdated);
    const expired = await payAll(backdated);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: "HOLD_EXPIRED", details: { reservationIds: [backdated.holds[1]!.id] } } });
    expect(await snapshot(backdated)).toEqual(before);

    await db().$executeRaw`UPDATE reservations SET status = 'EXPIRED' WHERE id = ${backdated.holds[1]!.id}::uuid`;
    const released = await payAll(backdated);
    expect(released.status).toBe(410);
    expect((await released.json()).error.code).toBe("HOLD_EXPIRED");
  });

  it("applies the ADMITTED guard of the holds' concert", async () => {
    const fan = await createPayingFan(db(), { balance: 500_000 });
    const ids = fan.holds.map((hold) => hold.id);
    const noToken = await call(payRoute, payRequest({ cookie: fan.cookie, reservationIds: ids }));
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.code).toBe("INVALID_QUEUE_TOKEN");

    const other = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const otherToken = await admitFan(db(), { userId: fan.userId, concertId: other.concertId });
    const wrongConcert = await call(payRoute, payRequest({ cookie: fan.cookie, token: otherToken.token, reservationIds: ids }));
    expect(wrongConcert.status).toBe(401);

    await db().$executeRaw`UPDATE queue_tokens SET admitted_until = now() - interval '1 second' WHERE id = ${fan.tokenId}::uuid`;
    const lapsed = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: ids }));
    expect(lapsed.status).toBe(410);
    expect((await lapsed.json()).error.code).toBe("QUEUE_TOKEN_EXPIRED");
    expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(0);
    expect(await db().idempotencyRecord.count({ where: { userId: fan.userId } })).toBe(0);
  });
});
