import { z } from "zod";
import { reasonInput } from "@/lib/audit/schemas";
import { paidReservationSchema } from "@/lib/payments/schemas";
import { MAX_WON, wonSchema } from "@/lib/validation/bounded-integers";

/** POST /api/admin/payments/{paymentId}/refund: the operator's reason, nothing else. */
export const refundPaymentInput = reasonInput.meta({ id: "RefundPaymentInput" });

/** POST /api/tickets/{reservationId}/cancel takes no body (an empty one, or {}). */
export const cancelTicketInput = z.object({}).meta({ id: "CancelTicketInput" });

export const paymentIdParams = z.object({ paymentId: z.uuid() });

export const refundSchema = z
  .object({
    id: z.string(),
    /** Won credited back to the wallet as one REFUND entry. */
    amount: z.number().int().min(1).max(MAX_WON),
  })
  .meta({ id: "Refund" });

/** A seat as its refund left it: the fan's reservation view, CANCELLED (the seat is on sale again). */
export const refundedReservationSchema = paidReservationSchema
  .omit({ status: true })
  .extend({ status: z.literal("CANCELLED") })
  .meta({ id: "RefundedReservation" });

export const refundPaymentResponse = z
  .object({
    refund: refundSchema,
    reservations: z.array(refundedReservationSchema),
    /** The fan's wallet balance after the refund. */
    balance: wonSchema,
  })
  .meta({ id: "RefundPaymentResponse" });

export const cancelTicketResponse = z
  .object({
    reservation: refundedReservationSchema,
    refund: refundSchema,
    /** The wallet balance after the refund. */
    balance: wonSchema,
  })
  .meta({ id: "CancelTicketResponse" });

export type RefundedReservation = z.infer<typeof refundedReservationSchema>;
export type RefundPaymentResponse = z.infer<typeof refundPaymentResponse>;
export type CancelTicketResponse = z.infer<typeof cancelTicketResponse>;
