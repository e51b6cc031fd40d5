import "server-only";
import type { Db } from "@/lib/db";
import { IS_LIVE_RESERVATION } from "@/lib/booking/booking-sql";

export type SeatStatus = "AVAILABLE" | "HELD" | "SOLD";

export type SeatView = {
  id: string;
  number: number;
  grade: string;
  price: number;
  status: SeatStatus;
  heldByMe: boolean;
  /** When the fan's own hold of this seat ends; null for every other seat. */
  expiresAt: Date | null;
};

export type SeatMap = {
  /** The performance's concert: its queue token must admit the caller before the seats are shown. */
  concertId: string;
  seats: SeatView[];
};

/**
 * The seats of a performance by number, with their state right now as the fan
 * may see it, and the concert they belong to; null for an unknown performance.
 * One query — the seat map is polled every few seconds by every admitted fan,
 * so the caller checks admission with the concertId found here rather than
 * looking the concert up separately, and shows nothing before that check.
 */
export async function listSeats(db: Db, options: { performanceId: string; userId: string }): Promise<SeatMap | null> {
  const rows = await db.$queryRaw<
    { concert_id: string; id: string | null; number: number; grade: string; price: bigint; status: string | null; user_id: string | null; expires_at: Date | null }[]
  >`
    SELECT p.concert_id, s.id, s.number, s.grade, s.price, r.status::text AS status, r.user_id, r.expires_at
    FROM performances p
    LEFT JOIN seats s ON s.performance_id = p.id
    LEFT JOIN reservations r ON r.seat_id = s.id AND ${IS_LIVE_RESERVATION}
    WHERE p.id = ${options.performanceId}::uuid
    ORDER BY s.number`;
  const first = rows[0];
  if (!first) return null;
  const seats = rows.flatMap((row): SeatView[] => {
    if (row.id === null) return []; // a performance without seats
    const status: SeatStatus = row.status === "CONFIRMED" ? "SOLD" : row.status === "HELD" ? "HELD" : "AVAILABLE";
    const heldByMe = status === "HELD" && row.user_id === options.userId;
    return [{
      id: row.id,
      number: row.number,
      grade: row.grade,
      price: Number(row.price),
      status,
      heldByMe,
      // Only the holder learns when a hold ends; others see just that the seat is taken.
      expiresAt: heldByMe ? row.expires_at : null,
    }];
  });
  return { concertId: first.concert_id, seats };
}
