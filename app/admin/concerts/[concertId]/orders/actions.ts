"use server";

import type { FormState } from "@/lib/actions/form-state";
import { idempotentFormAction } from "@/lib/actions/server-action";
import { parseId } from "@/lib/http/request";
import { admin } from "@/lib/i18n/ko/admin";
import { formatWon } from "@/lib/i18n/format";
import { refundPayment } from "@/lib/refunds/refund-payment";
import { refundPaymentInput } from "@/lib/refunds/schemas";

const t = admin.orders;

/** An operator's refund of a whole order: POST /api/admin/payments/{id}/refund for the console, one effect per form. */
const refundForm = idempotentFormAction({
  name: "admin.payment.refund",
  access: "admin",
  schema: refundPaymentInput,
  toInput: (fields) => ({ reason: fields.reason }),
  fieldMessages: { reason: admin.reason.invalid },
  errorMessages: { ALREADY_REFUNDED: t.alreadyRefunded },
  notice: (result: { refund: { amount: number } }) => t.refunded(formatWon(result.refund.amount)),
  run: ({ input, session, tx, afterCommit, fields }) =>
    refundPayment(tx, {
      paymentId: parseId(typeof fields.paymentId === "string" ? fields.paymentId : undefined, "payment"),
      actorId: session.user.id,
      reason: input.reason,
      afterCommit,
    }),
});

export async function refundOrderAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return refundForm(previous as FormState<never>, formData);
}
