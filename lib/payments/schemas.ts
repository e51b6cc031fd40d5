import { z } from "zod";
import { myReservationSchema } from "@/lib/booking/schemas";
import { MAX_WON, wonSchema } from "@/lib/validation/bounded-integers";

/** More than any fan can hold at once (4 per performance, a few performances per concert). */
export const MAX_RESERVATIONS_PER_PAYMENT = 20;

export const payInput = z
  .object({
    reservationIds: z
      .array(z.uuid("Each reservation id must be a UUID.").transform((id) => id.toLowerCase()))
      .min(1, "Name at least one reservation.")
      .max(MAX_RESERVATIONS_PER_PAYMENT, `At most ${MAX_RESERVATIONS_PER_PAYMENT} reservations per payment.`)
      .refine((ids) => new Set(ids).size === ids.length, "Each reservation may appear once."),
  })
  .meta({ id: "PaymentInput" });

/** A reservation as the payment confirmed it: the fan's reservation view, CONFIRMED. */
export const paidReservationSchema = myReservationSchema
  .omit({ concertTitle: true, createdAt: true, status: true })
  .extend({ status: z.literal("CONFIRMED") })
  .meta({ id: "PaidReservation" });

export const paymentSchema = z
  .object({
    id: z.string(),
    amount: z.number().int().min(1).max(MAX_WON),
    status: z.literal("COMPLETED"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Payment" });

export const paymentResponse = z
  .object({
    payment: paymentSchema,
    reservations: z.array(paidReservationSchema),
    /** The wallet balance after the debit. */
    balance: wonSchema,
  })
  .meta({ id: "PaymentResponse" });

/** details of 402 INSUFFICIENT_BALANCE: all in won. */
export const insufficientBalanceDetails = z.object({
  required: wonSchema,
  balance: wonSchema,
  shortfall: wonSchema,
});

export type PayInput = z.infer<typeof payInput>;
export type PaidReservation = z.infer<typeof paidReservationSchema>;
export type PaymentResponse = z.infer<typeof paymentResponse>;
export type InsufficientBalanceDetails = z.infer<typeof insufficientBalanceDetails>;
