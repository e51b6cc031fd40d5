import "server-only";
import type { Db } from "@/lib/db";
import { SEAT_PLACE_COLUMNS, SEAT_SECTION_JOIN, seatPlaceOf, type SeatPlaceRow } from "@/lib/venues/seat-place";
import { groupTickets, type ConcertTickets } from "@/lib/payments/group-tickets";

type Row = SeatPlaceRow & {
  reservation_id: string;
  seat_number: number;
  grade: string;
  price: bigint;
  paid_at: Date;
  concert_id: string;
  concert_title: string;
  artist: string;
  venue: string;
  performance_id: string;
  starts_at: Date;
  is_past: boolean;
  is_cancellable: boolean;
};

/** The fan's paid seats, grouped by concert and date, earliest date first. */
export async function listTickets(db: Db, options: { userId: string }): Promise<ConcertTickets[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id AS reservation_id, s.number AS seat_number, ${SEAT_PLACE_COLUMNS}, s.grade, r.price, pay.created_at AS paid_at,
           c.id AS concert_id, c.title AS concert_title, c.artist, v.name AS venue, p.id AS performance_id, p.starts_at,
           p.starts_at < now() AS is_past,
           is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at) AS is_cancellable
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    ${SEAT_SECTION_JOIN}
    JOIN performances p ON p.id = r.performance_id
    JOIN concerts c ON c.id = p.concert_id
    JOIN venues v ON v.id = c.venue_id
    JOIN payments pay ON pay.id = r.payment_id
    WHERE r.user_id = ${options.userId}::uuid AND r.status = 'CONFIRMED'
    ORDER BY p.starts_at, p.id, s.number`;
  return groupTickets(
    rows.map((row) => ({
      reservationId: row.reservation_id,
      seatNumber: row.seat_number,
      ...seatPlaceOf(row),
      grade: row.grade,
      price: Number(row.price),
      paidAt: row.paid_at.toISOString(),
      concertId: row.concert_id,
      concertTitle: row.concert_title,
      artist: row.artist,
      venue: row.venue,
      performanceId: row.performance_id,
      startsAt: row.starts_at.toISOString(),
      isPast: row.is_past,
      isCancellable: row.is_cancellable,
    })),
  );
}
