import "server-only";
import { Prisma, type SqlClient } from "@/lib/db";
import { asTemplate } from "@/lib/db/composed-template";
import { ledgerWrite } from "@/lib/wallet/ledger-write";
import type { ChargeResponse } from "@/lib/wallet/schemas";

export type ChargeWalletOptions = { userId: string; amount: number };

/**
 * Adds `amount` won to the fan's wallet, creating it on the first charge, and
 * appends the CHARGE entry with the new balance: one ledger write.
 */
export async function chargeWallet(db: SqlClient, options: ChargeWalletOptions): Promise<ChargeResponse> {
  const amount = BigInt(options.amount);
  const { change, entry: ledgerEntry } = ledgerWrite({ userId: options.userId, type: "CHARGE", amount });
  const [entry] = await db.$queryRaw<{ id: bigint; amount: bigint; balance_after: bigint; created_at: Date }[]>(...asTemplate(Prisma.sql`
    WITH ${change}, ${ledgerEntry}
    SELECT id, amount, balance_after, created_at FROM ledger_entry`));
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
