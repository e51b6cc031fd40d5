import "server-only";
import type { Db } from "@/lib/db";
import { SEAT_PLACE_COLUMNS, SEAT_SECTION_JOIN, seatPlaceOf, type SeatPlace, type SeatPlaceRow } from "@/lib/venues/seat-place";

export type ReservationStatus = "HELD" | "CONFIRMED" | "EXPIRED" | "CANCELLED";

export type MyReservation = SeatPlace & {
  id: string;
  seatId: string;
  seatNumber: number;
  grade: string;
  performanceId: string;
  startsAt: Date;
  concertId: string;
  concertTitle: string;
  price: number;
  status: ReservationStatus;
  expiresAt: Date;
  createdAt: Date;
};

/**
 * Every reservation of the fan, newest first. A hold whose time ran out reads
 * EXPIRED at once, before the cron gets to it.
 */
export async function listMyReservations(db: Db, options: { userId: string }): Promise<MyReservation[]> {
  const rows = await db.$queryRaw<
    (SeatPlaceRow & { id: string; seat_id: string; seat_number: number; grade: string; performance_id: string; starts_at: Date; concert_id: string; concert_title: string; price: bigint; status: ReservationStatus; expires_at: Date; created_at: Date })[]
  >`
    SELECT r.id, r.seat_id, s.number AS seat_number, ${SEAT_PLACE_COLUMNS}, s.grade, r.performance_id, p.starts_at,
           p.concert_id, c.title AS concert_title, r.price,
           CASE WHEN is_expired_hold(r.status, r.expires_at) THEN 'EXPIRED' ELSE r.status::text END AS status,
           r.expires_at, r.created_at
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    ${SEAT_SECTION_JOIN}
    JOIN performances p ON p.id = r.performance_id
    JOIN concerts c ON c.id = p.concert_id
    WHERE r.user_id = ${options.userId}::uuid
    ORDER BY r.created_at DESC, s.number`;
  return rows.map((row) => ({
    id: row.id,
    seatId: row.seat_id,
    seatNumber: row.seat_number,
    ...seatPlaceOf(row),
    grade: row.grade,
    performanceId: row.performance_id,
    startsAt: row.starts_at,
    concertId: row.concert_id,
    concertTitle: row.concert_title,
    price: Number(row.price),
    status: row.status,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  }));
}
