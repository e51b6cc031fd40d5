import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SqlClient } from "@/lib/db";
import type { AfterCommit } from "@/lib/idempotency/with-idempotency";
import { refundSeats } from "@/lib/refunds/refund-seats";
import type { RefundPaymentResponse } from "@/lib/refunds/schemas";

export type RefundPaymentOptions = {
  paymentId: string;
  /** The operator refunding. */
  actorId: string;
  reason: string;
  afterCommit: AfterCommit;
};

/**
 * An operator refunds every seat of a payment still sold (refundSeats) and the
 * refund is audited as payment.refund, in the same transaction: a refused
 * refund (404, 409 ALREADY_REFUNDED) writes neither.
 */
export async function refundPayment(tx: SqlClient, options: RefundPaymentOptions): Promise<RefundPaymentResponse> {
  const refunded = await refundSeats(tx, { paymentId: options.paymentId, actorId: options.actorId, afterCommit: options.afterCommit });
  const { payment, refund, reservations } = refunded;
  await recordAudit(tx, {
    actorId: options.actorId,
    action: "payment.refund",
    target: `payment:${payment.id}`,
    concertId: payment.concertId,
    reason: options.reason,
    before: { status: payment.statusBefore },
    after: { status: payment.statusAfter, refundId: refund.id, amount: refund.amount, reservationIds: reservations.map((seat) => seat.id) },
  });
  return { refund, reservations, balance: refunded.balance };
}
