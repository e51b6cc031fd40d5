// Paid tickets written straight to the database, for specs about what a fan or an operator does with them.
import type pg from "pg";
import { expect } from "./fixtures";

export type Order = { paymentId: string; reservationIds: string[]; labels: string[]; total: number };

/**
 * An order of the first `seatCount` seats of the date, bought for the fan (the money charged
 * through the API beforehand): the sale written as a payment makes it, one PAYMENT entry.
 */
export async function buyTickets(database: pg.Client, userId: string, performanceId: string, seatCount: number): Promise<Order> {
  await database.query("BEGIN");
  try {
    const { rows } = await database.query<{ payment_id: string; reservation_ids: string[]; labels: string[]; total: string }>(
      `WITH seat AS (SELECT id, performance_id, number, label, price FROM seats WHERE performance_id = $2 ORDER BY number LIMIT $3),
       payment AS (INSERT INTO payments (user_id, amount) SELECT $1, sum(price) FROM seat RETURNING id),
       sale AS (
         INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
         SELECT seat.id, seat.performance_id, $1, seat.price, 'CONFIRMED', now(), payment.id FROM seat, payment
         RETURNING id, seat_id
       )
       SELECT payment.id AS payment_id,
              (SELECT array_agg(sale.id::text ORDER BY seat.number) FROM sale JOIN seat ON seat.id = sale.seat_id) AS reservation_ids,
              (SELECT array_agg(label ORDER BY number) FROM seat) AS labels,
              (SELECT sum(price) FROM seat) AS total
       FROM payment`,
      [userId, performanceId, seatCount],
    );
    const order = rows[0]!;
    const debit = await database.query("SELECT * FROM ledger_write($1, 'PAYMENT', $2, $3)", [userId, -Number(order.total), order.payment_id]);
    expect(debit.rowCount).toBe(1);
    await database.query("COMMIT");
    return { paymentId: order.payment_id, reservationIds: order.reservation_ids, labels: order.labels, total: Number(order.total) };
  } catch (error) {
    await database.query("ROLLBACK");
    throw error;
  }
}

/** One ticket, the date's first seat. */
export async function buyTicket(database: pg.Client, userId: string, performanceId: string): Promise<{ reservationId: string; label: string; price: number }> {
  const order = await buyTickets(database, userId, performanceId, 1);
  return { reservationId: order.reservationIds[0]!, label: order.labels[0]!, price: order.total };
}
