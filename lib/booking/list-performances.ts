import "server-only";
import type { Db } from "@/lib/db";
import { PERFORMANCE_FACTS } from "@/lib/catalog/performance-facts";

export type PerformanceSummary = {
  id: string;
  startsAt: Date;
  availableSeats: number;
  totalSeats: number;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  isBookingOpen: boolean;
  isSoldOut: boolean;
};

/**
 * The concert's dates still on sale, earliest first, with the seats free right
 * now. One query over the shared performance facts, so a date is on sale and
 * sold out here exactly when the catalogue says so.
 */
export async function listPerformances(db: Db, options: { concertId: string }): Promise<PerformanceSummary[]> {
  const rows = await db.$queryRaw<
    { id: string; starts_at: Date; booking_opens_at: Date; booking_closes_at: Date; is_booking_open: boolean; is_sold_out: boolean; total_seats: number; free_seats: number }[]
  >`
    WITH facts AS (${PERFORMANCE_FACTS})
    SELECT id, starts_at, booking_opens_at, booking_closes_at, is_booking_open, is_sold_out, total_seats, free_seats
    FROM facts
    WHERE concert_id = ${options.concertId}::uuid AND is_on_sale
    ORDER BY starts_at, id`;
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.starts_at,
    availableSeats: Math.max(0, row.free_seats),
    totalSeats: row.total_seats,
    bookingOpensAt: row.booking_opens_at,
    bookingClosesAt: row.booking_closes_at,
    isBookingOpen: row.is_booking_open,
    isSoldOut: row.is_sold_out,
  }));
}
