// Holds and wallet money for payment tests, written straight to the tables so
// payment tests do not depend on the booking flow.
import type { Db } from "@/lib/db";

export type TestHold = { id: string; seatId: string; seatNumber: number; price: number };

/**
 * HELD reservations of the given seats (by number) of one performance for the
 * fan, live for `expiresInMs` by the database clock (negative: already expired).
 */
export async function createHolds(
  db: Db,
  options: { userId: string; performanceId: string; seatNumbers: number[]; expiresInMs?: number },
): Promise<TestHold[]> {
  const seconds = (options.expiresInMs ?? 300_000) / 1000;
  const rows = await db.$queryRaw<{ id: string; seat_id: string; number: number; price: bigint }[]>`
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
    SELECT s.id, s.performance_id, ${options.userId}::uuid, s.price, 'HELD', now() + make_interval(secs => ${seconds})
    FROM seats s
    WHERE s.performance_id = ${options.performanceId}::uuid AND s.number = ANY(${options.seatNumbers}::int[])
    RETURNING id, seat_id, (SELECT number FROM seats WHERE id = seat_id) AS number, price`;
  if (rows.length !== options.seatNumbers.length) throw new Error("createHolds: some seats do not exist or are taken");
  return rows
    .map((row) => ({ id: row.id, seatId: row.seat_id, seatNumber: row.number, price: Number(row.price) }))
    .sort((a, b) => a.seatNumber - b.seatNumber);
}

/** Puts money in the fan's wallet the way a charge does (balance and ledger entry together). */
export async function fundWallet(db: Db, options: { userId: string; amount: number }): Promise<void> {
  await db.$executeRaw`
    WITH wallet AS (
      INSERT INTO wallets AS w (user_id, balance) VALUES (${options.userId}::uuid, ${options.amount})
      ON CONFLICT (user_id) DO UPDATE SET balance = w.balance + EXCLUDED.balance
      RETURNING balance
    )
    INSERT INTO wallet_entries (user_id, type, amount, balance_after)
    SELECT ${options.userId}::uuid, 'CHARGE', ${options.amount}, balance FROM wallet`;
}
