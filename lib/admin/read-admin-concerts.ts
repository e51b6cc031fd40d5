import "server-only";
import type { SqlClient } from "@/lib/db";
import type { AdminConcert } from "@/lib/admin/concert-input";

type ConcertRow = {
  id: string; title: string; artist: string; description: string; venue_id: string; venue_name: string;
  created_at: Date; room_opens_at: Date; is_paused: boolean; prices: Record<string, number>; total_seats: number;
  performances: { id: string; startsAt: string; bookingOpensAt: string; bookingClosesAt: string; soldSeats: number }[];
};

/**
 * Concerts as the console lists them, newest first (one when `concertId` is
 * given), in one statement. A date's seat count is its venue's (seats are made
 * from it), so no seat is scanned; sold seats are counted on the reservations
 * index of the date.
 */
export async function readAdminConcerts(db: SqlClient, options: { concertId?: string } = {}): Promise<AdminConcert[]> {
  const concertId = options.concertId ?? null;
  const rows = await db.$queryRaw<ConcertRow[]>`
    SELECT c.id::text AS id, c.title, c.artist, c.description, c.venue_id::text AS venue_id, v.name AS venue_name, c.created_at,
           r.opens_at AS room_opens_at, coalesce(r.is_paused, false) AS is_paused,
           (SELECT coalesce(json_object_agg(cp.grade, cp.price), '{}'::json) FROM concert_prices cp WHERE cp.concert_id = c.id) AS prices,
           (SELECT coalesce(sum(length), 0)::int FROM venue_sections vs, unnest(vs.row_lengths) AS length WHERE vs.venue_id = c.venue_id) AS total_seats,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', p.id, 'startsAt', p.starts_at, 'bookingOpensAt', p.booking_opens_at, 'bookingClosesAt', p.booking_closes_at,
                     'soldSeats', (SELECT count(*) FROM reservations res WHERE res.performance_id = p.id AND res.status = 'CONFIRMED'))
                   ORDER BY p.starts_at, p.id), '[]'::json)
            FROM performances p WHERE p.concert_id = c.id) AS performances
    FROM concerts c
    JOIN venues v ON v.id = c.venue_id
    LEFT JOIN waiting_rooms r ON r.concert_id = c.id
    WHERE ${concertId}::uuid IS NULL OR c.id = ${concertId}::uuid
    ORDER BY c.created_at DESC, c.id`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    artist: row.artist,
    description: row.description,
    venueId: row.venue_id,
    venueName: row.venue_name,
    prices: Object.fromEntries(Object.entries(row.prices).map(([grade, price]) => [grade, Number(price)])),
    createdAt: row.created_at.toISOString(),
    roomOpensAt: (row.room_opens_at ?? row.created_at).toISOString(),
    isPaused: row.is_paused,
    performances: row.performances.map((performance) => ({
      id: performance.id,
      startsAt: new Date(performance.startsAt).toISOString(),
      bookingOpensAt: new Date(performance.bookingOpensAt).toISOString(),
      bookingClosesAt: new Date(performance.bookingClosesAt).toISOString(),
      totalSeats: row.total_seats,
      soldSeats: Number(performance.soldSeats),
    })),
  }));
}

/** One concert as the console shows it; null when there is none. */
export async function readAdminConcert(db: SqlClient, concertId: string): Promise<AdminConcert | null> {
  return (await readAdminConcerts(db, { concertId }))[0] ?? null;
}
