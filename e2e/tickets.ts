// A paid ticket written straight to the database, for specs about what a fan does with it.
import type pg from "pg";
import { expect } from "./fixtures";

/** A ticket bought for the fan: the money charged through the API, the sale written as a payment makes it. */
export async function buyTicket(database: pg.Client, userId: string, performanceId: string): Promise<{ seatNumber: number; price: number }> {
  await database.query("BEGIN");
  try {
    const { rows } = await database.query<{ payment_id: string; number: number; price: string }>(
      `WITH seat AS (SELECT id, performance_id, number, price FROM seats WHERE performance_id = $2 ORDER BY number LIMIT 1),
       payment AS (INSERT INTO payments (user_id, amount) SELECT $1, price FROM seat RETURNING id),
       sale AS (
         INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
         SELECT seat.id, seat.performance_id, $1, seat.price, 'CONFIRMED', now(), payment.id FROM seat, payment
       )
       SELECT payment.id AS payment_id, seat.number, seat.price FROM seat, payment`,
      [userId, performanceId],
    );
    const sale = rows[0]!;
    const debit = await database.query("SELECT * FROM ledger_write($1, 'PAYMENT', $2, $3)", [userId, -Number(sale.price), sale.payment_id]);
    expect(debit.rowCount).toBe(1);
    await database.query("COMMIT");
    return { seatNumber: sale.number, price: Number(sale.price) };
  } catch (error) {
    await database.query("ROLLBACK");
    throw error;
  }
}
