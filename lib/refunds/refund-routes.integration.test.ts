import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { POST as refundRoute } from "@/app/api/admin/payments/[paymentId]/refund/route";
import { POST as cancelRoute } from "@/app/api/tickets/[reservationId]/cancel/route";
import { GET as entriesRoute } from "@/app/api/wallet/entries/route";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { admittedFan, requestHold, requestSeats } from "@/lib/booking/booking-test-kit";
import { db } from "@/lib/db";
import { listTickets } from "@/lib/payments/list-tickets";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { createHolds } from "@/lib/testing/holds";
import { answersOf, call, testRequest } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { cancelRequest, createTicketHolder, refundRequest, type TicketHolder } from "@/lib/testing/refunds";

async function operator() {
  const user = await createUser(db(), { role: "ADMIN" });
  return { ...user, cookie: await sessionCookieFor(db(), user.id) };
}

function refund(cookie: string, paymentId: string, options: { key?: string | null; reason?: unknown } = {}) {
  return call(refundRoute, refundRequest({ cookie, paymentId, ...options }), { paymentId });
}

function cancel(cookie: string, reservationId: string, key?: string | null) {
  return call(cancelRoute, cancelRequest({ cookie, reservationId, key }), { reservationId });
}

async function balanceOf(userId: string): Promise<number> {
  return Number((await db().wallet.findUniqueOrThrow({ where: { userId } })).balance);
}

async function refundsOf(paymentId: string) {
  return db().refund.findMany({ where: { paymentId }, select: { id: true, amount: true, actorId: true } });
}

async function paymentStatus(paymentId: string): Promise<string> {
  return (await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).status;
}

async function auditOf(holder: TicketHolder) {
  return (await listAuditEntries(db(), { concertId: holder.concertId })).entries;
}

afterEach(async () => {
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

describe("POST /api/admin/payments/{paymentId}/refund", () => {
  it("answers 401 without a session and 403 FORBIDDEN to a fan, even the fan who paid", async () => {
    const holder = await createTicketHolder(db());
    expect((await refund("", holder.paymentId)).status).toBe(401);
    const refused = await refund(holder.cookie, holder.paymentId);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    expect(await refundsOf(holder.paymentId)).toEqual([]);
  });

  it("refunds every seat in one transaction, credits one REFUND entry and audits it with the reason", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 12] });
    const response = await refund(admin.cookie, holder.paymentId, { reason: "공연 취소에 따른 환불" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      refund: { id: expect.any(String), amount: holder.total },
      reservations: holder.reservationIds.map(() => expect.objectContaining({ status: "CANCELLED", concertId: holder.concertId })),
      balance: holder.balance + holder.total,
    });
    expect(body.reservations.map((seat: { id: string }) => seat.id).sort()).toEqual([...holder.reservationIds].sort());
    expect(await balanceOf(holder.userId)).toBe(holder.balance + holder.total);
    expect(await paymentStatus(holder.paymentId)).toBe("REFUNDED");
    expect(await refundsOf(holder.paymentId)).toEqual([{ id: body.refund.id, amount: BigInt(holder.total), actorId: admin.id }]);
    expect(await listTickets(db(), { userId: holder.userId })).toEqual([]);

    const entries = await call(entriesRoute, testRequest("GET", "/api/wallet/entries", { cookie: holder.cookie }));
    expect((await entries.json()).entries[0]).toEqual({
      id: expect.any(String), type: "REFUND", amount: holder.total, balanceAfter: holder.balance + holder.total,
      createdAt: expect.any(String), paymentId: holder.paymentId, refundId: body.refund.id, concertTitle: "테스트 콘서트", seatCount: 2,
    });

    expect(await auditOf(holder)).toEqual([expect.objectContaining({
      actorEmail: admin.email, action: "payment.refund", target: `payment:${holder.paymentId}`, concertId: holder.concertId,
      reason: "공연 취소에 따른 환불", before: { status: "COMPLETED" },
      after: { status: "REFUNDED", refundId: body.refund.id, amount: holder.total, reservationIds: body.reservations.map((seat: { id: string }) => seat.id) },
    })]);
  });

  it("answers 409 ALREADY_REFUNDED when nothing is left, 404 for an unknown payment, and audits neither", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db());
    expect((await refund(admin.cookie, holder.paymentId)).status).toBe(200);
    const again = await refund(admin.cookie, holder.paymentId);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("ALREADY_REFUNDED");
    expect((await refund(admin.cookie, randomUUID())).status).toBe(404);
    expect((await refund(admin.cookie, "not-a-payment")).status).toBe(404);
    expect(await auditOf(holder)).toHaveLength(1);
    expect(await refundsOf(holder.paymentId)).toHaveLength(1);
  });

  it("refuses a missing reason with 422 and a missing key with 400, changing nothing", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db());
    const noReason = await call(
      refundRoute,
      testRequest("POST", `/api/admin/payments/${holder.paymentId}/refund`, { cookie: admin.cookie, body: {}, headers: { "idempotency-key": randomUUID() } }),
      { paymentId: holder.paymentId },
    );
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.details.fields.reason).toBeDefined();
    expect((await refund(admin.cookie, holder.paymentId, { reason: " " })).status).toBe(422);
    const noKey = await refund(admin.cookie, holder.paymentId, { key: null });
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(await paymentStatus(holder.paymentId)).toBe("COMPLETED");
    expect(await auditOf(holder)).toEqual([]);
  });

  it("answers a retry with the same key with the stored answer, and another reason under it with 422", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db());
    const key = randomUUID();
    const first = await refund(admin.cookie, holder.paymentId, { key });
    const replay = await refund(admin.cookie, holder.paymentId, { key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(await first.text());
    const reused = await refund(admin.cookie, holder.paymentId, { key, reason: "다른 사유" });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await refundsOf(holder.paymentId)).toHaveLength(1);
  });
});

describe("refund races", () => {
  it("50 concurrent refunds with one key refund once and give identical answers", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db());
    const key = randomUUID();
    const answers = await answersOf(Array.from({ length: 50 }, () => refund(admin.cookie, holder.paymentId, { key })));
    const refunded = answers.filter((answer) => answer.status === 200);
    expect(refunded.length).toBeGreaterThan(0);
    expect(new Set(refunded.map((answer) => answer.text)).size).toBe(1);
    for (const other of answers.filter((answer) => answer.status !== 200)) expect(other.code).toBe("REQUEST_IN_PROGRESS");
    expect(await refundsOf(holder.paymentId)).toHaveLength(1);
    expect(await balanceOf(holder.userId)).toBe(holder.balance + holder.total);
    expect(await auditOf(holder)).toHaveLength(1);
  });

  it("50 concurrent refunds with different keys: one refund, 49 × 409 ALREADY_REFUNDED", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db());
    const answers = await answersOf(Array.from({ length: 50 }, () => refund(admin.cookie, holder.paymentId)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.code === "ALREADY_REFUNDED")).toHaveLength(49);
    expect(await refundsOf(holder.paymentId)).toHaveLength(1);
    expect(await balanceOf(holder.userId)).toBe(holder.balance + holder.total);
    expect(await auditOf(holder)).toHaveLength(1);
  });

  it("an operator's refunds racing the fan's cancellations of the same payment refund each seat exactly once", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 12] });
    const [first, second] = holder.reservationIds as [string, string];
    const answers = await answersOf([
      ...Array.from({ length: 10 }, () => refund(admin.cookie, holder.paymentId)),
      ...Array.from({ length: 10 }, (_, index) => cancel(holder.cookie, index % 2 === 0 ? first : second)),
    ]);
    for (const answer of answers.filter((answer) => answer.status !== 200)) expect(answer.code).toBe("ALREADY_REFUNDED");
    const refunds = await refundsOf(holder.paymentId);
    expect(refunds.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(holder.total);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(refunds.length);
    expect(await balanceOf(holder.userId)).toBe(holder.balance + holder.total);
    expect(await paymentStatus(holder.paymentId)).toBe("REFUNDED");
    const refundedSeats = await db().reservation.groupBy({ by: ["refundId"], where: { paymentId: holder.paymentId }, _count: true });
    expect(refundedSeats.every((group) => group.refundId !== null)).toBe(true);
  });

  it("a refunded seat is on the seat map and can be held by another fan at once", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db(), { seatNumbers: [3] });
    const other = await admittedFan(holder.concertId);
    const seatId = holder.holds[0]!.seatId;
    const seatIsFree = async () => {
      const { seats } = await (await requestSeats(other, holder.performanceId)).json();
      return seats.find((seat: { id: string }) => seat.id === seatId).status;
    };
    expect(await seatIsFree()).toBe("SOLD");
    expect((await refund(admin.cookie, holder.paymentId)).status).toBe(200);
    expect(await seatIsFree()).toBe("AVAILABLE");
    const hold = await requestHold(other, { performanceId: holder.performanceId, seatIds: [seatId] });
    expect(hold.status).toBe(201);
  });

  it("a seat refunded while other fans race to hold it goes to exactly one of them", async () => {
    const admin = await operator();
    const holder = await createTicketHolder(db(), { seatNumbers: [4] });
    const seatId = holder.holds[0]!.seatId;
    const fans = await Promise.all(Array.from({ length: 10 }, () => admittedFan(holder.concertId)));
    const [refunded, ...holds] = await Promise.all([
      refund(admin.cookie, holder.paymentId),
      ...fans.map((fan) => requestHold(fan, { performanceId: holder.performanceId, seatIds: [seatId] })),
    ]);
    expect(refunded!.status).toBe(200);
    const won = holds.filter((response) => response.status === 201).length;
    expect(won).toBeLessThanOrEqual(1);
    const retry = await Promise.all(fans.map((fan) => requestHold(fan, { performanceId: holder.performanceId, seatIds: [seatId] })));
    expect(won + retry.filter((response) => response.status === 201).length).toBe(1);
    expect(await db().reservation.count({ where: { seatId, status: { in: ["HELD", "CONFIRMED"] } } })).toBe(1);
  });
});

describe("POST /api/tickets/{reservationId}/cancel", () => {
  it("cancels one of the fan's tickets, refunds its price and leaves the other seat sold", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 12] });
    const [first] = holder.holds;
    const response = await cancel(holder.cookie, first!.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      reservation: expect.objectContaining({ id: first!.id, status: "CANCELLED", price: first!.price }),
      refund: { id: expect.any(String), amount: first!.price },
      balance: holder.balance + first!.price,
    });
    expect(await paymentStatus(holder.paymentId)).toBe("PARTIALLY_REFUNDED");
    expect(await refundsOf(holder.paymentId)).toEqual([{ id: body.refund.id, amount: BigInt(first!.price), actorId: null }]);
    const [concert] = await listTickets(db(), { userId: holder.userId });
    expect(concert!.performances.flatMap((date) => date.tickets.map((ticket) => ticket.reservationId))).toEqual([holder.holds[1]!.id]);
    // A fan's own cancellation is not an operator change: no audit entry.
    expect(await auditOf(holder)).toEqual([]);
  });

  it("answers 409 ALREADY_REFUNDED for a cancelled ticket and replays the first answer for its key", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [2] });
    const key = randomUUID();
    const first = await cancel(holder.cookie, holder.reservationIds[0]!, key);
    const replay = await cancel(holder.cookie, holder.reservationIds[0]!, key);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe(await first.text());
    const again = await cancel(holder.cookie, holder.reservationIds[0]!);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("ALREADY_REFUNDED");
    expect(await paymentStatus(holder.paymentId)).toBe("REFUNDED");
  });

  it("answers 404 for another fan's ticket, a hold or an unknown id, and 401 without a session", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [5] });
    const stranger = await createUser(db());
    const strangerCookie = await sessionCookieFor(db(), stranger.id);
    expect((await cancel(strangerCookie, holder.reservationIds[0]!)).status).toBe(404);
    expect((await cancel(holder.cookie, randomUUID())).status).toBe(404);
    const [hold] = await createHolds(db(), { userId: stranger.id, performanceId: holder.performanceId, seatNumbers: [9] });
    expect((await cancel(strangerCookie, hold!.id)).status).toBe(404);
    expect((await cancel("", holder.reservationIds[0]!)).status).toBe(401);
    expect(await paymentStatus(holder.paymentId)).toBe("COMPLETED");
  });

  it("answers 409 CANCELLATION_CLOSED once the date's booking has closed", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [6] });
    await db().$executeRaw`
      UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 minute'
      WHERE id = ${holder.performanceId}::uuid`;
    const response = await cancel(holder.cookie, holder.reservationIds[0]!);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("CANCELLATION_CLOSED");
    expect(await paymentStatus(holder.paymentId)).toBe("COMPLETED");
  });

  it("needs an Idempotency-Key and accepts an empty body or {}", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [7, 8] });
    const noKey = await cancel(holder.cookie, holder.reservationIds[0]!, null);
    expect(noKey.status).toBe(400);
    const withBody = await call(
      cancelRoute,
      testRequest("POST", `/api/tickets/${holder.reservationIds[0]}/cancel`, { cookie: holder.cookie, body: {}, headers: { "idempotency-key": randomUUID() } }),
      { reservationId: holder.reservationIds[0]! },
    );
    expect(withBody.status).toBe(200);
  });
});
