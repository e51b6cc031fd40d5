import { MAX_CHARGE_WON, MIN_CHARGE_WON } from "@/lib/wallet/schemas";

export type ChargeAmountProblem = "required" | "notWhole" | "tooSmall" | "tooLarge";

/**
 * Reads what a fan typed as a charge amount: digits, optionally grouped with
 * commas or spaces and followed by "원". The same bounds as the API.
 */
export function parseChargeAmount(text: string): { amount: number } | { problem: ChargeAmountProblem } {
  const compact = text.replace(/[\s,]/g, "").replace(/원$/, "");
  if (compact === "") return { problem: "required" };
  if (!/^\d+$/.test(compact)) return { problem: "notWhole" };
  if (compact.length > 9) return { problem: "tooLarge" };
  const amount = Number(compact);
  if (amount < MIN_CHARGE_WON) return { problem: "tooSmall" };
  if (amount > MAX_CHARGE_WON) return { problem: "tooLarge" };
  return { amount };
}
