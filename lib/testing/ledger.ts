// Counts broken money and seat invariants across the whole database. Every
// count must be 0; tests and the payment benchmark check it after each race.
// Money: balance = CHARGE + REFUND − PAYMENT entries, never negative, each
// entry's balance_after the running sum; a payment's entry is its seats'
// price, a refund's entry its refunded seats' price, each seat refunded once
// (reservations.refund_id is one column), and a payment's status says how
// many of its seats are refunded. Audit: every operator's refund has exactly
// one payment.refund audit entry (written in its transaction, decision 105),
// and no such entry names a refund that is not an operator's refund of that
// payment. The check is one statement, so it reads one snapshot; a caller
// that reads more beside it runs it in a REPEATABLE READ transaction.
import type { Db } from "@/lib/db";

export const INVARIANT_VIOLATIONS_SQL = `
SELECT
  (SELECT count(*) FROM wallets w
     WHERE w.balance <> (SELECT coalesce(sum(e.amount) FILTER (WHERE e.type = 'CHARGE'), 0)
                              + coalesce(sum(e.amount) FILTER (WHERE e.type = 'REFUND'), 0)
                              - coalesce(sum(-e.amount) FILTER (WHERE e.type = 'PAYMENT'), 0)
                         FROM wallet_entries e WHERE e.user_id = w.user_id))::int
    AS "balanceNotLedgerSum",
  (SELECT count(*) FROM wallets WHERE balance < 0)::int AS "negativeBalances",
  (SELECT count(DISTINCT e.user_id) FROM wallet_entries e
     WHERE NOT EXISTS (SELECT 1 FROM wallets w WHERE w.user_id = e.user_id))::int AS "entriesWithoutWallet",
  (SELECT count(*) FROM (
     SELECT balance_after, sum(amount) OVER (PARTITION BY user_id ORDER BY id) AS running FROM wallet_entries
   ) chain WHERE chain.balance_after <> chain.running)::int AS "brokenBalanceAfterChain",
  (SELECT count(*) FROM (
     SELECT seat_id FROM reservations WHERE status = 'CONFIRMED' GROUP BY seat_id HAVING count(*) > 1
   ) twice)::int AS "seatsSoldTwice",
  (SELECT count(*) FROM payments p
     WHERE p.amount <> (SELECT coalesce(sum(r.price), 0) FROM reservations r WHERE r.payment_id = p.id)
        OR NOT EXISTS (SELECT 1 FROM wallet_entries e WHERE e.payment_id = p.id AND e.type = 'PAYMENT' AND e.amount = -p.amount))::int
    AS "paymentsNotMatchingSeatsOrLedger",
  (SELECT count(*) FROM refunds f
     WHERE f.amount <> (SELECT coalesce(sum(r.price), 0) FROM reservations r
                        WHERE r.refund_id = f.id AND r.payment_id = f.payment_id AND r.user_id = f.user_id AND r.status = 'CANCELLED')
        OR NOT EXISTS (SELECT 1 FROM wallet_entries e
                       WHERE e.refund_id = f.id AND e.type = 'REFUND' AND e.amount = f.amount AND e.user_id = f.user_id))::int
    AS "refundsNotMatchingSeatsOrLedger",
  (SELECT count(*) FROM payments p
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED') AS sold, count(*) FILTER (WHERE r.refund_id IS NOT NULL) AS refunded
       FROM reservations r WHERE r.payment_id = p.id
     ) seats
     WHERE p.status <> CASE WHEN seats.refunded = 0 THEN 'COMPLETED'
                            WHEN seats.sold = 0 THEN 'REFUNDED'
                            ELSE 'PARTIALLY_REFUNDED' END)::int
    AS "paymentStatusNotMatchingSeats",
  (SELECT count(*) FROM refunds f
     LEFT JOIN (SELECT (a.after->>'refundId')::uuid AS refund_id, a.actor_id, a.target, count(*) AS entries
                FROM audit_entries a WHERE a.action = 'payment.refund' GROUP BY 1, 2, 3) audited
       ON audited.refund_id = f.id AND audited.actor_id = f.actor_id AND audited.target = 'payment:' || f.payment_id
     WHERE f.actor_id IS NOT NULL AND coalesce(audited.entries, 0) <> 1)::int
    AS "operatorRefundsNotAuditedOnce",
  (SELECT count(*) FROM audit_entries a
     WHERE a.action = 'payment.refund'
       AND NOT EXISTS (SELECT 1 FROM refunds f
                       WHERE f.id = (a.after->>'refundId')::uuid AND f.actor_id = a.actor_id AND a.target = 'payment:' || f.payment_id))::int
    AS "refundAuditsWithoutOperatorRefund"`;

export type InvariantViolations = Record<
  | "balanceNotLedgerSum"
  | "negativeBalances"
  | "entriesWithoutWallet"
  | "brokenBalanceAfterChain"
  | "seatsSoldTwice"
  | "paymentsNotMatchingSeatsOrLedger"
  | "refundsNotMatchingSeatsOrLedger"
  | "paymentStatusNotMatchingSeats"
  | "operatorRefundsNotAuditedOnce"
  | "refundAuditsWithoutOperatorRefund",
  number
>;

export async function countInvariantViolations(db: Db): Promise<InvariantViolations> {
  const [row] = await db.$queryRawUnsafe<InvariantViolations[]>(INVARIANT_VIOLATIONS_SQL);
  return row!;
}

export const NO_VIOLATIONS: InvariantViolations = {
  balanceNotLedgerSum: 0,
  negativeBalances: 0,
  entriesWithoutWallet: 0,
  brokenBalanceAfterChain: 0,
  seatsSoldTwice: 0,
  paymentsNotMatchingSeatsOrLedger: 0,
  refundsNotMatchingSeatsOrLedger: 0,
  paymentStatusNotMatchingSeats: 0,
  operatorRefundsNotAuditedOnce: 0,
  refundAuditsWithoutOperatorRefund: 0,
};
