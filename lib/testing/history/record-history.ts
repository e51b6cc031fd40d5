// Records a storm: the database as it was before, then each request with its
// start and end on one monotonic clock and its answer. After the storm,
// expectHistoryExplained reads the database again and runs the checker.
import { performance } from "node:perf_hooks";
import { expect } from "vitest";
import type { Db } from "@/lib/db";
import { checkHistory } from "./check-history";
import type { History, Operation, Snapshot } from "./history-types";

export async function readSnapshot(db: Db): Promise<Snapshot> {
  const [reservations, payments, walletEntries, wallets] = await Promise.all([
    db.$queryRaw<Snapshot["reservations"]>`
      SELECT id::text, seat_id::text AS "seatId", user_id::text AS "userId", status::text, payment_id::text AS "paymentId",
             refund_id::text AS "refundId",
             (status = 'CONFIRMED' OR is_live_hold(status, expires_at, clock_timestamp())) AS live
      FROM reservations`,
    db.$queryRaw<Snapshot["payments"]>`SELECT id::text, user_id::text AS "userId", amount::float8 AS amount FROM payments`,
    db.$queryRaw<Snapshot["walletEntries"]>`
      SELECT id::float8 AS id, user_id::text AS "userId", type::text, amount::float8 AS amount,
             balance_after::float8 AS "balanceAfter", payment_id::text AS "paymentId"
      FROM wallet_entries`,
    db.$queryRaw<Snapshot["wallets"]>`SELECT user_id::text AS "userId", balance::float8 AS balance FROM wallets`,
  ]);
  return { reservations, payments, walletEntries, wallets };
}

export type Recorder = History & {
  /** Sends the request, records it with its answer, and hands back the response (its body still readable). */
  record(operation: Operation, send: () => Promise<Response>): Promise<Response>;
};

export async function startHistory(db: Db): Promise<Recorder> {
  const history: History = { before: await readSnapshot(db), events: [] };
  return {
    ...history,
    async record(operation, send) {
      const start = performance.now();
      const response = await send();
      const end = performance.now();
      const text = await response.clone().text();
      const body: unknown = text ? JSON.parse(text) : null;
      const code = (body as { error?: { code?: string } } | null)?.error?.code;
      history.events.push({ ...operation, start, end, status: response.status, code, body });
      return response;
    },
  };
}

/** Reads the database after the storm and expects the history to be explained by it. */
export async function expectHistoryExplained(db: Db, history: History): Promise<void> {
  expect(history.events.length).toBeGreaterThan(0);
  expect(checkHistory(history, await readSnapshot(db))).toEqual([]);
}
