import "server-only";
import { ORDERS_PAGE_SIZE, type OrdersPage } from "@/lib/admin/order-schemas";
import type { Db } from "@/lib/db";

type OrderRow = {
  payment_id: string;
  user_email: string;
  amount: bigint;
  status: string;
  created_at: Date;
  created_at_ms: number;
  seats: { reservationId: string; label: string; performanceId: string; startsAt: string; price: number; status: "CONFIRMED" | "CANCELLED" }[];
};

/** `text` as a LIKE pattern matching it anywhere, its own %, _ and \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The payments of a concert's seats, newest first, one page at a time, each
 * with the fan's email and its seats (refunded ones CANCELLED); `q` keeps the
 * orders whose email or a seat label contains it. One statement: the concert's
 * paid reservations (indexed by date) give the payments, so a page costs the
 * concert's sales, not every payment. Pages by (created_at, id) below the cursor.
 * With `paymentId`, only that order (if it is one of the concert's).
 */
export async function listConcertOrders(
  db: Db,
  options: { concertId: string; cursor?: string; q?: string; limit?: number; paymentId?: string },
): Promise<OrdersPage> {
  const limit = options.limit ?? ORDERS_PAGE_SIZE;
  const [cursorMs, cursorId] = options.cursor ? options.cursor.split("_") : [null, null];
  const pattern = options.q ? containsPattern(options.q) : null;
  const rows = await db.$queryRaw<OrderRow[]>`
    WITH paid AS (
      SELECT DISTINCT r.payment_id FROM reservations r JOIN performances p ON p.id = r.performance_id
      WHERE p.concert_id = ${options.concertId}::uuid AND r.payment_id IS NOT NULL
    )
    SELECT pay.id::text AS payment_id, u.email AS user_email, pay.amount, pay.status, pay.created_at,
           floor(extract(epoch FROM pay.created_at) * 1000)::float8 AS created_at_ms,
           (SELECT json_agg(json_build_object(
                     'reservationId', r.id, 'label', s.label, 'performanceId', r.performance_id, 'startsAt', p.starts_at,
                     'price', r.price, 'status', r.status) ORDER BY p.starts_at, s.number)
            FROM reservations r JOIN seats s ON s.id = r.seat_id JOIN performances p ON p.id = r.performance_id
            WHERE r.payment_id = pay.id) AS seats
    FROM paid JOIN payments pay ON pay.id = paid.payment_id JOIN users u ON u.id = pay.user_id
    WHERE (${options.paymentId ?? null}::uuid IS NULL OR pay.id = ${options.paymentId ?? null}::uuid)
      AND (${cursorMs}::float8 IS NULL
           OR (floor(extract(epoch FROM pay.created_at) * 1000), pay.id) < (${cursorMs}::float8, ${cursorId}::uuid))
      AND (${pattern}::text IS NULL OR u.email ILIKE ${pattern}
           OR EXISTS (SELECT 1 FROM reservations r JOIN seats s ON s.id = r.seat_id WHERE r.payment_id = pay.id AND s.label ILIKE ${pattern}))
    ORDER BY floor(extract(epoch FROM pay.created_at) * 1000) DESC, pay.id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    orders: page.map((row) => ({
      paymentId: row.payment_id,
      userEmail: row.user_email,
      amount: Number(row.amount),
      status: row.status,
      createdAt: row.created_at.toISOString(),
      seats: row.seats.map((seat) => ({ ...seat, startsAt: new Date(seat.startsAt).toISOString(), price: Number(seat.price) })),
    })),
    nextCursor: rows.length > limit && last ? `${last.created_at_ms}_${last.payment_id}` : null,
  };
}
