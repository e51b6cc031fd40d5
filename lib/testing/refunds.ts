// A fan with paid tickets, and the refund and cancellation requests, for refund tests.
import { randomUUID } from "node:crypto";
import { POST as payRoute } from "@/app/api/payments/route";
import type { Db } from "@/lib/db";
import { fundWallet } from "@/lib/testing/holds";
import { call, testRequest } from "@/lib/testing/http";
import { createPayingFan, payRequest, type PayingFan } from "@/lib/testing/payments";

export type TicketHolder = PayingFan & { paymentId: string; reservationIds: string[]; balance: number };

/** A fan who paid for the given seats through POST /api/payments, with `extra` won left in the wallet. */
export async function createTicketHolder(db: Db, options: { seatNumbers?: number[]; extra?: number } = {}): Promise<TicketHolder> {
  const fan = await createPayingFan(db, { seatNumbers: options.seatNumbers });
  await fundWallet(db, { userId: fan.userId, amount: fan.total + (options.extra ?? 10_000) });
  const reservationIds = fan.holds.map((hold) => hold.id);
  const response = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds }));
  if (response.status !== 201) throw new Error(`createTicketHolder: payment answered ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { payment: { id: string }; balance: number };
  return { ...fan, paymentId: body.payment.id, reservationIds, balance: body.balance };
}

export function refundRequest(options: { cookie: string; paymentId: string; reason?: unknown; key?: string | null }): Request {
  const key = options.key === undefined ? randomUUID() : options.key;
  return testRequest("POST", `/api/admin/payments/${options.paymentId}/refund`, {
    cookie: options.cookie,
    body: { reason: options.reason === undefined ? "고객 요청으로 환불" : options.reason },
    headers: key === null ? {} : { "idempotency-key": key },
  });
}

export function cancelRequest(options: { cookie: string; reservationId: string; key?: string | null }): Request {
  const key = options.key === undefined ? randomUUID() : options.key;
  return testRequest("POST", `/api/tickets/${options.reservationId}/cancel`, {
    cookie: options.cookie,
    headers: key === null ? {} : { "idempotency-key": key },
  });
}
