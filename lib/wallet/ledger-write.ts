import "server-only";
import { Prisma } from "@/lib/db";

export type LedgerEntryType = "CHARGE" | "PAYMENT";

export type LedgerWriteOptions = {
  userId: string;
  type: LedgerEntryType;
  /** Won added to the balance: positive credits (creating the wallet if need be), negative debits. */
  amount: bigint;
  /** SQL for the entry's payment id, e.g. a sub-select of an earlier CTE; NULL when omitted. */
  paymentId?: Prisma.Sql;
  /** A debit happens only when this SQL condition holds too (and the balance covers it). */
  onlyIf?: Prisma.Sql;
};

/**
 * The ledger write, the one way money moves (docs/decisions/050): the
 * wallet's balance changes and the entry recording the change with the
 * balance it produced is appended, in the same statement, so neither ever
 * exists without the other. Returns two CTEs for one WITH list, `change`
 * before `entry` (a CTE the payment id comes from goes between them):
 *   wallet_change  RETURNING balance: no row when a debit was refused
 *                  (balance too low, no wallet, or `onlyIf` false)
 *   ledger_entry   RETURNING id, amount, balance_after, created_at
 * Concurrent writes queue on the wallet row; each entry records the balance
 * its own change produced. Charges and payments go through it; refunds will.
 */
export function ledgerWrite(options: LedgerWriteOptions): { change: Prisma.Sql; entry: Prisma.Sql } {
  const { userId, type, amount } = options;
  const change =
    amount > 0n
      ? Prisma.sql`
        INSERT INTO wallets AS w (user_id, balance) VALUES (${userId}::uuid, ${amount})
        ON CONFLICT (user_id) DO UPDATE SET balance = w.balance + EXCLUDED.balance, updated_at = now()
        RETURNING balance`
      : Prisma.sql`
        UPDATE wallets SET balance = balance + ${amount}, updated_at = now()
        WHERE user_id = ${userId}::uuid AND balance + ${amount} >= 0 AND ${options.onlyIf ?? Prisma.sql`true`}
        RETURNING balance`;
  return {
    change: Prisma.sql`wallet_change AS (${change})`,
    entry: Prisma.sql`ledger_entry AS (
      INSERT INTO wallet_entries (user_id, type, amount, balance_after, payment_id)
      SELECT ${userId}::uuid, ${type}::"WalletEntryType", ${amount}::bigint, wallet_change.balance, ${options.paymentId ?? Prisma.sql`NULL`}::uuid
      FROM wallet_change
      RETURNING id, amount, balance_after, created_at
    )`,
  };
}
