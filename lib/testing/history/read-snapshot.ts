// The statements that read a Snapshot (history-types.ts), with no client of
// their own: integration tests run them through Prisma (record-history.ts),
// Playwright specs through their pg connection. `$1` limits the rows to the
// given fans (NULL: every fan), so a spec sharing the e2e database with other
// specs checks only its own.
import type { Snapshot } from "./history-types";

const SNAPSHOT_SQL = {
  reservations: `
    SELECT id::text, seat_id::text AS "seatId", user_id::text AS "userId", status::text, payment_id::text AS "paymentId",
           refund_id::text AS "refundId",
           (status = 'CONFIRMED' OR is_live_hold(status, expires_at, clock_timestamp())) AS live
    FROM reservations WHERE $1::uuid[] IS NULL OR user_id = ANY($1::uuid[])`,
  payments: `
    SELECT id::text, user_id::text AS "userId", amount::float8 AS amount
    FROM payments WHERE $1::uuid[] IS NULL OR user_id = ANY($1::uuid[])`,
  walletEntries: `
    SELECT id::float8 AS id, user_id::text AS "userId", type::text, amount::float8 AS amount,
           balance_after::float8 AS "balanceAfter", payment_id::text AS "paymentId", refund_id::text AS "refundId"
    FROM wallet_entries WHERE $1::uuid[] IS NULL OR user_id = ANY($1::uuid[])`,
  refunds: `
    SELECT id::text, payment_id::text AS "paymentId", user_id::text AS "userId", amount::float8 AS amount
    FROM refunds WHERE $1::uuid[] IS NULL OR user_id = ANY($1::uuid[])`,
  wallets: `
    SELECT user_id::text AS "userId", balance::float8 AS balance
    FROM wallets WHERE $1::uuid[] IS NULL OR user_id = ANY($1::uuid[])`,
};

export type RunQuery = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

export async function readSnapshotWith(query: RunQuery, options: { userIds?: string[] } = {}): Promise<Snapshot> {
  const params = [options.userIds ?? null];
  // One after another: a single pg.Client runs one query at a time.
  return {
    reservations: await query<Snapshot["reservations"][number]>(SNAPSHOT_SQL.reservations, params),
    payments: await query<Snapshot["payments"][number]>(SNAPSHOT_SQL.payments, params),
    walletEntries: await query<Snapshot["walletEntries"][number]>(SNAPSHOT_SQL.walletEntries, params),
    refunds: await query<NonNullable<Snapshot["refunds"]>[number]>(SNAPSHOT_SQL.refunds, params),
    wallets: await query<Snapshot["wallets"][number]>(SNAPSHOT_SQL.wallets, params),
  };
}
