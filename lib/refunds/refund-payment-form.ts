import "server-only";
import type { IdempotentFormAction } from "@/lib/actions/form-action";
import { parseId } from "@/lib/http/request";
import { formatWon } from "@/lib/i18n/format";
import { admin } from "@/lib/i18n/ko/admin";
import { refundPayment } from "@/lib/refunds/refund-payment";
import { refundPaymentInput, type RefundPaymentResponse } from "@/lib/refunds/schemas";

const t = admin.orders;

/**
 * The console's refund of an order (its list and its page): POST /api/admin/payments/{id}/refund's
 * schema and refundPayment, the order named by a hidden field, one effect per Idempotency-Key of
 * the form. The notice says what was refunded, seat by seat: the refund button is gone from the
 * re-read page, so the notice is where the operator reads the answer (components/admin/orders/refund-form.tsx).
 * An order refunded meanwhile (another operator) is refused, and the page re-reads the order.
 */
export const refundPaymentForm: IdempotentFormAction<typeof refundPaymentInput, RefundPaymentResponse> = {
  isIdempotent: true,
  name: "admin.payment.refund",
  access: "admin",
  schema: refundPaymentInput,
  toInput: (fields) => ({ reason: fields.reason }),
  fieldMessages: { reason: admin.reason.invalid },
  errorMessages: { ALREADY_REFUNDED: t.alreadyRefunded },
  refreshOn: ["ALREADY_REFUNDED"],
  notice: (result) => t.refunded(formatWon(result.refund.amount), result.reservations.map((seat) => seat.label)),
  run: ({ input, session, tx, afterCommit, fields }) =>
    refundPayment(tx, {
      paymentId: parseId(typeof fields.paymentId === "string" ? fields.paymentId : undefined, "payment"),
      actorId: session.user.id,
      reason: input.reason,
      afterCommit,
    }),
};
