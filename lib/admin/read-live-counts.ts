import "server-only";
import type { LiveCounts } from "@/lib/admin/live-schemas";
import type { Db } from "@/lib/db";
import { ROOM_LINE_COUNTS } from "@/lib/queue/room-line-counts";

/** The per-minute charts cover this many minutes, the current one last. */
export const LIVE_MINUTES = 60;

type LiveRow = {
  last_ticket: bigint;
  serving_counter: bigint;
  is_paused: boolean;
  waiting: bigint;
  admitted: bigint;
  read_at: Date;
  dates: { performanceId: string; startsAt: string; total: number; sold: number; held: number; revenue: number }[];
  per_minute: { minute: string; joins: number; admissions: number; holds: number; payments: number; seatsSold: number }[];
};

/**
 * Everything the console's live view shows of one concert, exact, in ONE
 * statement (docs/decisions/122). Its cost does not grow with the fans
 * waiting: the line comes from the room's counters (ROOM_LINE_COUNTS), the
 * seats from the reservations of each date (the sold and held ones, on the
 * (performance_id, status) index) and the venue's seat count (seats are made
 * from it), and the per-minute counts from the last hour's time ranges of
 * tokens and reservations (indexed). Null for an unknown concert.
 */
export async function readLiveCounts(db: Db, concertId: string): Promise<LiveCounts | null> {
  const [row] = await db.$queryRaw<LiveRow[]>`
    WITH since AS (
      SELECT date_trunc('minute', now()) - make_interval(mins => ${LIVE_MINUTES - 1}) AS at
    ), dates AS (
      SELECT p.id, p.starts_at FROM performances p WHERE p.concert_id = ${concertId}::uuid
    ), taken AS (
      SELECT r.performance_id, r.status, r.price, r.payment_id, r.updated_at
      FROM reservations r
      WHERE r.performance_id IN (SELECT id FROM dates) AND r.status IN ('CONFIRMED', 'HELD')
        AND is_live_reservation(r.status, r.expires_at)
    ), minutes AS (
      SELECT generate_series(since.at, date_trunc('minute', now()), interval '1 minute') AS minute FROM since
    ), joins AS (
      SELECT date_trunc('minute', created_at) AS minute, count(*) AS n FROM queue_tokens, since
      WHERE concert_id = ${concertId}::uuid AND created_at >= since.at GROUP BY 1
    ), admissions AS (
      SELECT date_trunc('minute', admitted_at) AS minute, count(*) AS n FROM queue_tokens, since
      WHERE concert_id = ${concertId}::uuid AND admitted_at >= since.at GROUP BY 1
    ), holds AS (
      SELECT date_trunc('minute', created_at) AS minute, count(*) AS n FROM reservations, since
      WHERE performance_id IN (SELECT id FROM dates) AND created_at >= since.at GROUP BY 1
    ), sales AS (
      SELECT date_trunc('minute', updated_at) AS minute, count(*) AS seats, count(DISTINCT payment_id) AS payments FROM taken, since
      WHERE status = 'CONFIRMED' AND updated_at >= since.at GROUP BY 1
    )
    SELECT r.last_ticket, r.serving_counter, r.is_paused, ${ROOM_LINE_COUNTS}, now() AS read_at,
           (SELECT coalesce(json_agg(json_build_object(
                     'performanceId', d.id, 'startsAt', d.starts_at,
                     'total', (SELECT coalesce(sum(length), 0) FROM venue_sections vs, unnest(vs.row_lengths) AS length
                               WHERE vs.venue_id = c.venue_id),
                     'sold', (SELECT count(*) FROM taken t WHERE t.performance_id = d.id AND t.status = 'CONFIRMED'),
                     'held', (SELECT count(*) FROM taken t WHERE t.performance_id = d.id AND t.status = 'HELD'),
                     'revenue', (SELECT coalesce(sum(t.price), 0) FROM taken t WHERE t.performance_id = d.id AND t.status = 'CONFIRMED'))
                   ORDER BY d.starts_at, d.id), '[]'::json)
            FROM dates d) AS dates,
           (SELECT json_agg(json_build_object(
                     'minute', m.minute, 'joins', coalesce(j.n, 0), 'admissions', coalesce(a.n, 0), 'holds', coalesce(h.n, 0),
                     'payments', coalesce(s.payments, 0), 'seatsSold', coalesce(s.seats, 0))
                   ORDER BY m.minute)
            FROM minutes m
            LEFT JOIN joins j USING (minute) LEFT JOIN admissions a USING (minute)
            LEFT JOIN holds h USING (minute) LEFT JOIN sales s USING (minute)) AS per_minute
    FROM waiting_rooms r JOIN concerts c ON c.id = r.concert_id
    WHERE r.concert_id = ${concertId}::uuid`;
  if (!row) return null;
  const dates = row.dates.map((date) => ({
    performanceId: date.performanceId,
    startsAt: new Date(date.startsAt).toISOString(),
    total: Number(date.total),
    sold: Number(date.sold),
    held: Number(date.held),
    available: Number(date.total) - Number(date.sold) - Number(date.held),
  }));
  const sum = (field: "total" | "sold" | "held" | "available") => dates.reduce((total, date) => total + date[field], 0);
  return {
    room: {
      waiting: Number(row.waiting), admitted: Number(row.admitted), isPaused: row.is_paused,
      lastTicket: Number(row.last_ticket), servingCounter: Number(row.serving_counter),
    },
    seats: { total: sum("total"), sold: sum("sold"), held: sum("held"), available: sum("available") },
    revenue: row.dates.reduce((total, date) => total + Number(date.revenue), 0),
    perMinute: row.per_minute.map((minute) => ({ ...minute, minute: new Date(minute.minute).toISOString() })),
    dates,
    readAt: row.read_at.toISOString(),
  };
}
