// Connections cut on the wire, through a TCP proxy between the app's pool and
// PostgreSQL: (a) before a statement reaches the server, (b) after COMMIT
// reached it but before its reply came back (the ambiguous commit). The
// faulted attempt answers 503; the client's retry with the same
// Idempotency-Key gives exactly one effect and the stored answer, for charges,
// payments, operator refunds and fans' cancellations; the history of charges
// and payments is explained by the database, and the whole database keeps its
// money and seat invariants.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { POST as refundRoute } from "@/app/api/admin/payments/[paymentId]/refund/route";
import { POST as payRoute } from "@/app/api/payments/route";
import { POST as cancelRoute } from "@/app/api/tickets/[reservationId]/cancel/route";
import { POST as chargeRoute } from "@/app/api/wallet/charge/route";
import { db } from "@/lib/db";
import { expectServiceUnavailable, quietLogs } from "@/lib/testing/faults";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { expectHistoryExplained, startHistory, type Recorder } from "@/lib/testing/history/record-history";
import { call } from "@/lib/testing/http";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeRequest, createPayingFan, payRequest } from "@/lib/testing/payments";
import { cancelRequest, createTicketHolder, refundRequest } from "@/lib/testing/refunds";
import { startPgProxy } from "@/lib/testing/pg-proxy";

// The app's pool (db()) is made on first use, so it connects through the proxy.
const proxy = await startPgProxy(process.env.DATABASE_URL!);
process.env.DATABASE_URL = proxy.url;
afterAll(() => proxy.close());

afterEach(async () => {
  vi.restoreAllMocks();
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

/** Sends the same request again until it is answered without a fault; expects the retry and a replay to agree. */
async function retryAndReplay(send: () => Promise<Response>, options: { wasCommitted: boolean }): Promise<void> {
  const retry = await send();
  expect(retry.ok).toBe(true);
  expect(retry.headers.get("idempotent-replayed")).toBe(options.wasCommitted ? "true" : null);
  const replay = await send();
  expect(replay.headers.get("idempotent-replayed")).toBe("true");
  expect(await replay.json()).toEqual(await retry.json());
}

async function signedInFan() {
  const user = await createUser(db());
  return { userId: user.id, cookie: await sessionCookieFor(db(), user.id) };
}

async function chargeWithFault(fault: (statement: RegExp) => Promise<void>, options: { wasCommitted: boolean }) {
  quietLogs();
  const fan = await signedInFan();
  const key = randomUUID();
  const history = await startHistory(db());
  const charge = () =>
    history.record({ kind: "charge", userId: fan.userId, amount: 5_000, key }, () =>
      call(chargeRoute, chargeRequest({ cookie: fan.cookie, amount: 5_000, key })),
    );

  const cut = fault(/ledger_write\(/);
  await expectServiceUnavailable(await charge());
  await cut;
  expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(options.wasCommitted ? 1 : 0);

  await retryAndReplay(charge, options);
  expect(await db().walletEntry.count({ where: { userId: fan.userId } })).toBe(1);
  expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(5_000n);
  await expectHistoryExplained(db(), history);
}

async function payWithFault(fault: (statement: RegExp) => Promise<void>, options: { wasCommitted: boolean }) {
  quietLogs();
  const fan = await createPayingFan(db(), { balance: 1_000_000 });
  const key = randomUUID();
  const reservationIds = fan.holds.map((hold) => hold.id);
  const history: Recorder = await startHistory(db());
  const pay = () =>
    history.record({ kind: "pay", userId: fan.userId, reservationIds, key }, () =>
      call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds, key })),
    );

  const cut = fault(/settle_payment\(/);
  await expectServiceUnavailable(await pay());
  await cut;
  expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(options.wasCommitted ? 1 : 0);

  await retryAndReplay(pay, options);
  expect(await db().payment.count({ where: { userId: fan.userId } })).toBe(1);
  expect(await db().walletEntry.count({ where: { userId: fan.userId, type: "PAYMENT" } })).toBe(1);
  expect(await db().reservation.count({ where: { userId: fan.userId, status: "CONFIRMED" } })).toBe(fan.holds.length);
  expect((await db().wallet.findUniqueOrThrow({ where: { userId: fan.userId } })).balance).toBe(BigInt(1_000_000 - fan.total));
  await expectHistoryExplained(db(), history);
}

type RefundBy = "operator" | "fan";

/** An operator refunds the fan's whole payment, or the fan cancels one ticket of it, with one key throughout. */
async function refundWithFault(fault: (statement: RegExp) => Promise<void>, options: { wasCommitted: boolean; by: RefundBy }) {
  quietLogs();
  const holder = await createTicketHolder(db(), { seatNumbers: [1, 2] });
  const key = randomUUID();
  const refunded = options.by === "operator" ? holder.total : holder.holds[0]!.price;
  let send: () => Promise<Response>;
  if (options.by === "operator") {
    const operator = await createUser(db(), { role: "ADMIN" });
    const cookie = await sessionCookieFor(db(), operator.id);
    send = () => call(refundRoute, refundRequest({ cookie, paymentId: holder.paymentId, key }), { paymentId: holder.paymentId });
  } else {
    const reservationId = holder.reservationIds[0]!;
    send = () => call(cancelRoute, cancelRequest({ cookie: holder.cookie, reservationId, key }), { reservationId });
  }
  const refundsOfPayment = () => db().refund.count({ where: { paymentId: holder.paymentId } });

  const cut = fault(/ledger_write\(/);
  await expectServiceUnavailable(await send());
  await cut;
  expect(await refundsOfPayment()).toBe(options.wasCommitted ? 1 : 0);

  await retryAndReplay(send, options);
  expect(await refundsOfPayment()).toBe(1);
  expect(await db().walletEntry.count({ where: { userId: holder.userId, type: "REFUND" } })).toBe(1);
  expect(await db().reservation.count({ where: { paymentId: holder.paymentId, status: "CANCELLED" } })).toBe(options.by === "operator" ? 2 : 1);
  expect((await db().wallet.findUniqueOrThrow({ where: { userId: holder.userId } })).balance).toBe(BigInt(holder.balance + refunded));
}

describe("a connection cut before the statement reaches the server", () => {
  it("a charge answers 503 and charges nothing; its retry charges exactly once", () =>
    chargeWithFault(proxy.cutBeforeStatement, { wasCommitted: false }));

  it("a payment answers 503 and pays nothing; its retry pays exactly once", () =>
    payWithFault(proxy.cutBeforeStatement, { wasCommitted: false }));

  it.each<RefundBy>(["operator", "fan"])("a refund by the %s answers 503 and refunds nothing; its retry refunds exactly once", (by) =>
    refundWithFault(proxy.cutBeforeStatement, { wasCommitted: false, by }));
});

describe("a connection cut after COMMIT was sent, before its reply (the ambiguous commit)", () => {
  it("a charge answers 503 though it committed; its retry gets the stored answer and charges nothing more", () =>
    chargeWithFault(proxy.cutCommitReply, { wasCommitted: true }));

  it("a payment answers 503 though it committed; its retry gets the stored answer and pays nothing more", () =>
    payWithFault(proxy.cutCommitReply, { wasCommitted: true }));

  it.each<RefundBy>(["operator", "fan"])(
    "a refund by the %s answers 503 though it committed; its retry gets the stored answer and refunds nothing more",
    (by) => refundWithFault(proxy.cutCommitReply, { wasCommitted: true, by }),
  );
});
