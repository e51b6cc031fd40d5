import "server-only";
import type { SqlClient } from "@/lib/db";
import type { ChargeResponse } from "@/lib/wallet/schemas";

export type ChargeWalletOptions = { userId: string; amount: number };

/**
 * Adds `amount` won to the fan's wallet, creating it on the first charge, and
 * appends the CHARGE entry with the new balance. One statement, so the balance
 * never changes without its ledger entry; concurrent charges queue on the
 * wallet row and each entry records the balance it produced.
 */
export async function chargeWallet(db: SqlClient, options: ChargeWalletOptions): Promise<ChargeResponse> {
  const amount = BigInt(options.amount);
  const [entry] = await db.$queryRaw<{ id: bigint; amount: bigint; balance_after: bigint; created_at: Date }[]>`
    WITH wallet AS (
      INSERT INTO wallets AS w (user_id, balance) VALUES (${options.userId}::uuid, ${amount})
      ON CONFLICT (user_id) DO UPDATE SET balance = w.balance + EXCLUDED.balance, updated_at = now()
      RETURNING balance
    )
    INSERT INTO wallet_entries (user_id, type, amount, balance_after)
    SELECT ${options.userId}::uuid, 'CHARGE', ${amount}, wallet.balance FROM wallet
    RETURNING id, amount, balance_after, created_at`;
  const balance = Number(entry!.balance_after);
  return {
    balance,
    entry: {
      id: entry!.id.toString(),
      type: "CHARGE",
      amount: Number(entry!.amount),
      balanceAfter: balance,
      createdAt: entry!.created_at.toISOString(),
    },
  };
}
