import "server-only";
import { toCsv } from "@/lib/admin/csv";
import { SOLD_SEATS_CSV_HEADER } from "@/lib/admin/csv-columns";
import type { Db } from "@/lib/db";


type SoldSeatRow = {
  payment_id: string; reservation_id: string; paid_at: Date; user_email: string; title: string; starts_at: Date;
  label: string; section: string; row_label: string; seat_in_row: number; grade: string; price: bigint;
};

/**
 * Every seat of the concert sold now (refunded seats are not), one CSV row
 * each after a header row, by date and seat number. Null for an unknown concert.
 */
export async function exportSoldSeats(db: Db, concertId: string): Promise<string | null> {
  const concert = await db.$queryRaw<{ id: string }[]>`SELECT id FROM concerts WHERE id = ${concertId}::uuid`;
  if (!concert.length) return null;
  const rows = await db.$queryRaw<SoldSeatRow[]>`
    SELECT r.payment_id::text AS payment_id, r.id::text AS reservation_id, pay.created_at AS paid_at, u.email AS user_email, c.title,
           p.starts_at, s.label, vs.name AS section, s.row_label, s.seat_in_row, s.grade, r.price
    FROM performances p
    JOIN concerts c ON c.id = p.concert_id
    JOIN reservations r ON r.performance_id = p.id AND r.status = 'CONFIRMED'
    JOIN seats s ON s.id = r.seat_id
    JOIN venue_sections vs ON vs.id = s.section_id
    JOIN payments pay ON pay.id = r.payment_id
    JOIN users u ON u.id = r.user_id
    WHERE p.concert_id = ${concertId}::uuid
    ORDER BY p.starts_at, p.id, s.number`;
  return toCsv([
    SOLD_SEATS_CSV_HEADER,
    ...rows.map((row) => [
      row.payment_id, row.reservation_id, row.paid_at.toISOString(), row.user_email, row.title, row.starts_at.toISOString(),
      row.label, row.section, row.row_label, row.seat_in_row, row.grade, Number(row.price),
    ]),
  ]);
}
