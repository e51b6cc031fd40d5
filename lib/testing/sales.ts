// Seats sold without going through the waiting room, for tests of what
// operators see and may change once seats are sold.
import type { Db } from "@/lib/db";

/**
 * One payment of the fan for the seats of the date with these numbers, their
 * reservations CONFIRMED. Not a ledger-consistent purchase (no wallet entry):
 * for tests that read sales, not money.
 */
export async function recordSale(db: Db, options: { userId: string; performanceId: string; seatNumbers: number[] }): Promise<{ paymentId: string }> {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    WITH sold AS (
      SELECT id, price FROM seats WHERE performance_id = ${options.performanceId}::uuid AND number = ANY(${options.seatNumbers}::int[])
    ), payment AS (
      INSERT INTO payments (user_id, amount) SELECT ${options.userId}::uuid, sum(price) FROM sold RETURNING id
    ), confirmed AS (
      INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
      SELECT sold.id, ${options.performanceId}::uuid, ${options.userId}::uuid, sold.price, 'CONFIRMED', now(), payment.id FROM sold, payment
    )
    SELECT id::text AS id FROM payment`;
  return { paymentId: row!.id };
}
