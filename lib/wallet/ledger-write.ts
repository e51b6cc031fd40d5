import "server-only";
import { Prisma } from "@/lib/db";

export type LedgerEntryType = "CHARGE" | "PAYMENT" | "REFUND";

export type LedgerWriteOptions = {
  userId: string;
  type: LedgerEntryType;
  /** Won added to the balance: positive credits (creating the wallet if need be), negative debits. */
  amount: bigint;
  /** SQL for the entry's payment id, e.g. a sub-select of an earlier CTE; NULL when omitted. */
  paymentId?: Prisma.Sql;
  /** SQL for the entry's refund id (a REFUND entry names its refund); NULL when omitted. */
  refundId?: Prisma.Sql;
  /** A write happens only when this SQL condition holds too (and, for a debit, the balance covers it). */
  onlyIf?: Prisma.Sql;
};

/**
 * The ledger write, the one way money moves (docs/decisions/050): the SQL
 * function ledger_write (prisma/functions/ledger_write.sql) changes the
 * wallet's balance and appends the entry recording the change with the
 * balance it produced, in one call, so neither ever exists without the other.
 * Charges and refunds come through here; settle_payment calls the same function. Returns two CTEs for one WITH list,
 * `change` before `entry`; a CTE the payment id or the condition comes from
 * goes before both:
 *   wallet_change  balance (the new one) and the entry's columns: no row when
 *                  a debit was refused (balance too low, no wallet) or
 *                  `onlyIf` was false, and then nothing was written
 *   ledger_entry   id, amount, balance_after, created_at
 * Concurrent writes queue on the wallet row; each entry records the balance
 * its own change produced.
 */
export function ledgerWrite(options: LedgerWriteOptions): { change: Prisma.Sql; entry: Prisma.Sql } {
  const { userId, type, amount } = options;
  // The write is called once per row of `wanted`, which has none when the condition fails.
  return {
    change: Prisma.sql`wallet_change AS MATERIALIZED (
      SELECT written.balance_after AS balance, written.id, written.amount, written.balance_after, written.created_at
      FROM (SELECT ${userId}::uuid AS user_id WHERE ${options.onlyIf ?? Prisma.sql`true`}) AS wanted
      CROSS JOIN LATERAL ledger_write(wanted.user_id, ${type}::"WalletEntryType", ${amount}::bigint,
                                      ${options.paymentId ?? Prisma.sql`NULL`}::uuid,
                                      ${options.refundId ?? Prisma.sql`NULL`}::uuid) AS written
    )`,
    entry: Prisma.sql`ledger_entry AS (SELECT id, amount, balance_after, created_at FROM wallet_change)`,
  };
}
