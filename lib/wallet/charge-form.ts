import "server-only";
import { formNumber } from "@/lib/actions/form-fields";
import type { IdempotentFormAction } from "@/lib/actions/form-action";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { parseChargeAmount } from "@/lib/wallet/parse-charge-amount";
import { chargeInput, type ChargeResponse } from "@/lib/wallet/schemas";

/** What a refused amount says: why what was typed is not a charge (empty, not whole won, out of bounds). */
function amountMessage(typed: string | undefined): string {
  const parsed = parseChargeAmount(typed ?? "");
  return "problem" in parsed ? t.charge.errors[parsed.problem] : t.charge.errors.notWhole;
}

/**
 * The wallet page's charge: POST /api/wallet/charge's schema and chargeWallet, one effect per
 * Idempotency-Key of the form, so a double submit charges once (decision 125).
 */
export const chargeForm: IdempotentFormAction<typeof chargeInput, ChargeResponse> = {
  isIdempotent: true,
  name: "wallet.charge",
  access: "session",
  schema: chargeInput,
  // "30,000원" and "30 000" are the amount a fan means; anything else goes to the schema as typed, to be refused.
  toInput: (fields) => {
    const parsed = parseChargeAmount(typeof fields.amount === "string" ? fields.amount : "");
    return { amount: "amount" in parsed ? parsed.amount : formNumber(fields.amount) };
  },
  fieldMessages: { amount: amountMessage },
  errorMessages: { REQUEST_IN_PROGRESS: t.charge.errors.inProgress },
  notice: (result: ChargeResponse) => t.charge.success(result.entry.amount, result.balance),
  run: ({ input, session, tx }) => chargeWallet(tx, { userId: session.user.id, amount: input.amount }),
};
