import "server-only";
import type { Db } from "@/lib/db";
import { IS_LIVE_RESERVATION } from "@/lib/booking/booking-sql";

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
 * The concert's dates whose booking has not closed, earliest first, with the
 * seats free right now. One query: taken seats are counted from the live
 * reservations, of which a seat has at most one.
 */
export async function listPerformances(db: Db, options: { concertId: string }): Promise<PerformanceSummary[]> {
  const rows = await db.$queryRaw<
    { id: string; starts_at: Date; booking_opens_at: Date; booking_closes_at: Date; is_booking_open: boolean; total_seats: number; taken_seats: number }[]
  >`
    SELECT p.id, p.starts_at, p.booking_opens_at, p.booking_closes_at,
           (p.booking_opens_at <= now()) AS is_booking_open,
           (SELECT count(*)::int FROM seats s WHERE s.performance_id = p.id) AS total_seats,
           (SELECT count(*)::int FROM reservations r WHERE r.performance_id = p.id AND ${IS_LIVE_RESERVATION}) AS taken_seats
    FROM performances p
    WHERE p.concert_id = ${options.concertId}::uuid AND p.booking_closes_at > now()
    ORDER BY p.starts_at, p.id`;
  return rows.map((row) => {
    const availableSeats = Math.max(0, row.total_seats - row.taken_seats);
    return {
      id: row.id,
      startsAt: row.starts_at,
      availableSeats,
      totalSeats: row.total_seats,
      bookingOpensAt: row.booking_opens_at,
      bookingClosesAt: row.booking_closes_at,
      isBookingOpen: row.is_booking_open,
      isSoldOut: availableSeats === 0,
    };
  });
}
