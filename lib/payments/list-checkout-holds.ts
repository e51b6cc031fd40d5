import "server-only";
import type { Db } from "@/lib/db";
import { SEAT_PLACE_COLUMNS, SEAT_SECTION_JOIN, seatPlaceOf, type SeatPlace, type SeatPlaceRow } from "@/lib/venues/seat-place";

export type CheckoutHold = SeatPlace & {
  reservationId: string;
  seatNumber: number;
  grade: string;
  price: number;
  performanceId: string;
  startsAt: string;
  expiresAt: string;
};

export type CheckoutSummary = {
  concert: { id: string; title: string; artist: string; venue: string };
  /** The fan's live holds for the concert, by date and seat. */
  holds: CheckoutHold[];
  /** The database clock, so the page's countdown does not depend on the device clock. */
  serverNow: string;
};

type HoldRow = SeatPlaceRow & {
  reservation_id: string;
  seat_number: number;
  grade: string;
  price: bigint;
  performance_id: string;
  starts_at: Date;
  expires_at: Date;
};

/** What the checkout page shows; null when the concert does not exist. */
export async function listCheckoutHolds(db: Db, options: { userId: string; concertId: string }): Promise<CheckoutSummary | null> {
  const [concert] = await db.$queryRaw<(CheckoutSummary["concert"] & { server_now: Date })[]>`
    SELECT c.id, c.title, c.artist, v.name AS venue, clock_timestamp() AS server_now
    FROM concerts c JOIN venues v ON v.id = c.venue_id WHERE c.id = ${options.concertId}::uuid`;
  if (!concert) return null;
  const rows = await db.$queryRaw<HoldRow[]>`
    SELECT r.id AS reservation_id, s.number AS seat_number, ${SEAT_PLACE_COLUMNS}, s.grade, r.price, p.id AS performance_id,
           p.starts_at, r.expires_at
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    ${SEAT_SECTION_JOIN}
    JOIN performances p ON p.id = r.performance_id
    WHERE r.user_id = ${options.userId}::uuid AND p.concert_id = ${options.concertId}::uuid
      AND is_live_hold(r.status, r.expires_at, clock_timestamp())
    ORDER BY p.starts_at, s.number`;
  const { server_now: serverNow, ...concertFields } = concert;
  return {
    concert: concertFields,
    holds: rows.map((row) => ({
      reservationId: row.reservation_id,
      seatNumber: row.seat_number,
      ...seatPlaceOf(row),
      grade: row.grade,
      price: Number(row.price),
      performanceId: row.performance_id,
      startsAt: row.starts_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
    })),
    serverNow: serverNow.toISOString(),
  };
}
