import "server-only";
import { listConcertOrders } from "@/lib/admin/list-concert-orders";
import type { OrdersPage } from "@/lib/admin/order-schemas";
import type { Db } from "@/lib/db";

/** The fan's wallet entries an order's page shows besides the order's own: the most recent ones. */
export const ORDER_LEDGER_RECENT = 20;

export type OrderLedgerEntry = {
  id: string;
  type: "CHARGE" | "PAYMENT" | "REFUND";
  amount: number;
  balanceAfter: number;
  createdAt: string;
  /** The order's own payment or one of its refunds. */
  isOfOrder: boolean;
};

export type ConcertOrder = { order: OrdersPage["orders"][number]; ledger: OrderLedgerEntry[] };

type LedgerRow = { id: string; type: OrderLedgerEntry["type"]; amount: bigint; balance_after: bigint; created_at: Date; is_of_order: boolean };

/**
 * One order of a concert for the console: its seats (as the orders list
 * gives them) and the fan's wallet ledger around it: the order's payment and
 * refund entries wherever they are in the history, with the fan's latest
 * entries (charges included), newest first. Null when the payment is not an
 * order of this concert.
 */
export async function readConcertOrder(db: Db, options: { concertId: string; paymentId: string }): Promise<ConcertOrder | null> {
  const { orders: [order] } = await listConcertOrders(db, { concertId: options.concertId, paymentId: options.paymentId, limit: 1 });
  if (!order) return null;
  const rows = await db.$queryRaw<LedgerRow[]>`
    WITH fan AS (SELECT user_id FROM payments WHERE id = ${options.paymentId}::uuid),
    own AS (
      SELECT e.id FROM wallet_entries e WHERE e.payment_id = ${options.paymentId}::uuid
      UNION ALL
      SELECT e.id FROM refunds f JOIN wallet_entries e ON e.refund_id = f.id WHERE f.payment_id = ${options.paymentId}::uuid
    ), recent AS (
      SELECT e.id FROM wallet_entries e, fan WHERE e.user_id = fan.user_id ORDER BY e.id DESC LIMIT ${ORDER_LEDGER_RECENT}
    )
    SELECT e.id::text, e.type::text AS type, e.amount, e.balance_after, e.created_at, e.id IN (SELECT id FROM own) AS is_of_order
    FROM wallet_entries e
    WHERE e.id IN (SELECT id FROM own UNION SELECT id FROM recent)
    ORDER BY e.id DESC`;
  return {
    order,
    ledger: rows.map((row) => ({
      id: row.id, type: row.type, amount: Number(row.amount), balanceAfter: Number(row.balance_after),
      createdAt: row.created_at.toISOString(), isOfOrder: row.is_of_order,
    })),
  };
}
