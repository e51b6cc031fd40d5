import { reservationIdParams } from "@/lib/booking/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";
import {
  cancelTicketResponse,
  paymentIdParams,
  refundPaymentInput,
  refundPaymentResponse,
} from "@/lib/refunds/schemas";

export const refundOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/admin/payments/{paymentId}/refund", tag: "Admin", summary: "Refund a payment", access: "admin",
    description:
      "Refunds every seat of the payment still sold, in one transaction: the reservations turn CANCELLED and the seats " +
      "are on sale again, the fan's wallet gets one REFUND entry of their total, the payment's status becomes REFUNDED, " +
      "and the refund is written to the audit log with the reason. Nothing left to refund → 409 ALREADY_REFUNDED. " +
      "A retry with the same Idempotency-Key and body answers the first answer again.",
    requiresIdempotencyKey: true,
    pathParams: paymentIdParams,
    body: refundPaymentInput,
    responses: { 200: { description: "Refunded.", schema: refundPaymentResponse } },
    errors: ["ALREADY_REFUNDED"],
  },
  {
    method: "post", path: "/api/tickets/{reservationId}/cancel", tag: "Tickets", summary: "Cancel my ticket", access: "session",
    description:
      "While the date's booking is open, cancels one of the caller's tickets in one transaction: the reservation turns " +
      "CANCELLED, the seat is on sale again and its price comes back to the wallet as a REFUND entry. No body. Another " +
      "fan's ticket, a hold or an unknown id → 404; booking closed → 409 CANCELLATION_CLOSED; cancelled already → 409 " +
      "ALREADY_REFUNDED. A retry with the same Idempotency-Key answers the first answer again.",
    requiresIdempotencyKey: true,
    pathParams: reservationIdParams,
    // No request body (an empty one, or {}); a body that is not JSON is still 400.
    responses: { 200: { description: "Cancelled and refunded.", schema: cancelTicketResponse } },
    errors: ["ALREADY_REFUNDED", "CANCELLATION_CLOSED", "MALFORMED_JSON"],
  },
];
