import { z } from "zod";
import { MAX_RESERVATIONS_PER_PAYMENT } from "@/lib/payments/schemas";
import { signedWonSchema, wonSchema } from "@/lib/validation/bounded-integers";

/** Upper bound of one charge, in won. */
export const MAX_CHARGE_WON = 1_000_000;
export const MIN_CHARGE_WON = 1;
export const WALLET_ENTRIES_PAGE_SIZE = 20;

/** A whole number of won; strings, fractions, negatives and anything past the bound are refused (422). */
export const chargeAmountSchema = z
  .number({ error: "Enter the amount as a whole number of won." })
  .int("Enter a whole number of won.")
  .min(MIN_CHARGE_WON, `Charge at least ${MIN_CHARGE_WON} won.`)
  .max(MAX_CHARGE_WON, `Charge at most ${MAX_CHARGE_WON} won at a time.`);

export const chargeInput = z.object({ amount: chargeAmountSchema }).meta({ id: "ChargeInput" });

export const walletEntryTypeSchema = z.enum(["CHARGE", "PAYMENT", "REFUND"]);

export const walletEntrySchema = z
  .object({
    id: z.string(),
    type: walletEntryTypeSchema,
    /** Positive for a charge or a refund, negative for a payment. */
    amount: signedWonSchema,
    balanceAfter: wonSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WalletEntry" });

export const walletHistoryEntrySchema = walletEntrySchema
  .extend({
    /** For a payment, its id; for a refund, the id of the payment it refunded. */
    paymentId: z.string().nullable(),
    /** For a refund, its id. */
    refundId: z.string().nullable(),
    /** For a payment or a refund: the concert it was for and how many seats. */
    concertTitle: z.string().nullable(),
    seatCount: z.number().int().min(1).max(MAX_RESERVATIONS_PER_PAYMENT).nullable(),
  })
  .meta({ id: "WalletHistoryEntry" });

export const walletBalanceResponse = z.object({ balance: wonSchema }).meta({ id: "WalletBalance" });

export const chargeResponse = z
  .object({ balance: wonSchema, entry: walletEntrySchema })
  .meta({ id: "ChargeResponse" });

/** The cursor is opaque to clients: pass back the nextCursor of the previous page (empty or absent: the newest). */
export const walletEntriesQuery = z.object({
  cursor: z.string().regex(/^([1-9][0-9]{0,17})?$/, "Not a cursor from a previous page.").optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const walletEntriesResponse = z
  .object({ entries: z.array(walletHistoryEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: "WalletEntries" });

export type WalletEntry = z.infer<typeof walletEntrySchema>;
export type WalletHistoryEntry = z.infer<typeof walletHistoryEntrySchema>;
export type ChargeResponse = z.infer<typeof chargeResponse>;
export type WalletEntriesPage = z.infer<typeof walletEntriesResponse>;
