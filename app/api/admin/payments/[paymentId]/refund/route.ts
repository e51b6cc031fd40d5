import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { adminIdempotentRoute } from "@/lib/idempotency/idempotent-route";
import { refundPayment } from "@/lib/refunds/refund-payment";
import { refundPaymentInput } from "@/lib/refunds/schemas";

/**
 * POST /api/admin/payments/{paymentId}/refund {reason} + Idempotency-Key (operators)
 * → 200: every seat of the payment still sold is refunded, audited in the same transaction.
 */
export const POST = adminIdempotentRoute<typeof refundPaymentInput, { paymentId: string }>(
  refundPaymentInput,
  async ({ params, session, input, tx, afterCommit }) => ({
    status: 200,
    body: await refundPayment(tx, {
      paymentId: parseId(params.paymentId, "payment"),
      actorId: session.user.id,
      reason: input.reason,
      afterCommit,
    }),
  }),
);

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
