import "server-only";
import type { LiveCounts } from "@/lib/admin/live-schemas";
import type { Db } from "@/lib/db";
import { LINE_PACE_WINDOW_SECONDS, lineEtaSeconds } from "@/lib/admin/line-eta";
import { ROOM_LINE_COUNTS, ROOM_NO_SHOWS } from "@/lib/queue/room-line-counts";

/** The per-minute charts cover this many minutes, the current one last. */
export const LIVE_MINUTES = 60;

type SectionBox = { x: number; y: number; width: number; height: number; rotation: number };

type LiveRow = {
  last_ticket: bigint;
  serving_counter: bigint;
  is_paused: boolean;
  waiting: bigint;
  admitted: bigint;
  no_shows: bigint;
  capacity: number;
  admission_rate_per_minute: number;
  admission_window_seconds: number;
  is_open: boolean;
  recent_admissions: bigint;
  pace_seconds: number;
  read_at: Date;
  dates: {
    performanceId: string; startsAt: string; revenue: number;
    sections: (SectionBox & { sectionId: string; name: string; grade: string; total: number; sold: number; held: number })[];
  }[];
  per_minute: { minute: string; joins: number; admissions: number; holds: number; payments: number; seatsSold: number }[];
};

/**
 * Everything the console's live view shows of one concert, exact, in ONE
 * statement (docs/decisions/122). Its cost does not grow with the fans
 * waiting: the line comes from the room's counters (ROOM_LINE_COUNTS), the
 * seats from the reservations of each date (the sold and held ones, on the
 * (performance_id, status) index), per section of the venue, against the
 * venue's seat counts (seats are made from it), and the per-minute counts from the last hour's time ranges of
 * tokens and reservations (indexed). No-shows are counted over the fans served
 * (ROOM_NO_SHOWS) and the line's ETA from the last minutes' admissions (an
 * index range) and the room's settings. Null for an unknown concert.
 */
export async function readLiveCounts(db: Db, concertId: string): Promise<LiveCounts | null> {
  const [row] = await db.$queryRaw<LiveRow[]>`
    WITH since AS (
      SELECT date_trunc('minute', now()) - make_interval(mins => ${LIVE_MINUTES - 1}) AS at
    ), dates AS (
      SELECT p.id, p.starts_at FROM performances p WHERE p.concert_id = ${concertId}::uuid
    ), taken AS (
      SELECT r.performance_id, r.seat_id, r.status, r.price, r.payment_id, r.updated_at
      FROM reservations r
      WHERE r.performance_id IN (SELECT id FROM dates) AND r.status IN ('CONFIRMED', 'HELD')
        AND is_live_reservation(r.status, r.expires_at)
    ), taken_by_section AS (
      SELECT t.performance_id, s.section_id,
             count(*) FILTER (WHERE t.status = 'CONFIRMED') AS sold, count(*) FILTER (WHERE t.status = 'HELD') AS held
      FROM taken t JOIN seats s ON s.id = t.seat_id GROUP BY 1, 2
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
    SELECT r.last_ticket, r.serving_counter, r.is_paused, ${ROOM_LINE_COUNTS}, ${ROOM_NO_SHOWS}, now() AS read_at,
           r.capacity, r.admission_rate_per_minute, r.admission_window_seconds, is_room_open(r.opens_at) AS is_open,
           (SELECT count(*) FROM queue_tokens
            WHERE concert_id = r.concert_id AND admitted_at > now() - make_interval(secs => ${LINE_PACE_WINDOW_SECONDS})) AS recent_admissions,
           greatest(0, least(${LINE_PACE_WINDOW_SECONDS}, extract(epoch FROM now() - r.opens_at)))::float8 AS pace_seconds,
           (SELECT coalesce(json_agg(json_build_object(
                     'performanceId', d.id, 'startsAt', d.starts_at,
                     'revenue', (SELECT coalesce(sum(t.price), 0) FROM taken t WHERE t.performance_id = d.id AND t.status = 'CONFIRMED'),
                     'sections', (SELECT json_agg(json_build_object(
                                           'sectionId', vs.id, 'name', vs.name, 'grade', vs.grade,
                                           'x', vs.x, 'y', vs.y, 'width', vs.width, 'height', vs.height, 'rotation', vs.rotation,
                                           'total', (SELECT sum(length) FROM unnest(vs.row_lengths) AS length),
                                           'sold', coalesce(ts.sold, 0), 'held', coalesce(ts.held, 0))
                                         ORDER BY vs.position)
                                  FROM venue_sections vs
                                  LEFT JOIN taken_by_section ts ON ts.performance_id = d.id AND ts.section_id = vs.id
                                  WHERE vs.venue_id = c.venue_id))
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
  const dates = row.dates.map((date) => {
    const sections = date.sections.map((section) => ({ ...section, ...seatCounts(section) }));
    return {
      performanceId: date.performanceId,
      startsAt: new Date(date.startsAt).toISOString(),
      ...seatCounts({ total: sumOf(sections, "total"), sold: sumOf(sections, "sold"), held: sumOf(sections, "held") }),
      sections,
    };
  });
  const waiting = Number(row.waiting);
  const etaSeconds = lineEtaSeconds({
    waiting, isPaused: row.is_paused, isOpen: row.is_open,
    capacity: row.capacity, ratePerMinute: row.admission_rate_per_minute, windowSeconds: row.admission_window_seconds,
    recentAdmissions: Number(row.recent_admissions), paceSeconds: row.pace_seconds,
  });
  return {
    room: {
      waiting, admitted: Number(row.admitted), isPaused: row.is_paused,
      lastTicket: Number(row.last_ticket), servingCounter: Number(row.serving_counter),
      noShows: Number(row.no_shows), etaSeconds,
    },
    seats: seatCounts({ total: sumOf(dates, "total"), sold: sumOf(dates, "sold"), held: sumOf(dates, "held") }),
    revenue: row.dates.reduce((total, date) => total + Number(date.revenue), 0),
    perMinute: row.per_minute.map((minute) => ({ ...minute, minute: new Date(minute.minute).toISOString() })),
    dates,
    readAt: row.read_at.toISOString(),
  };
}

type SeatCounts = { total: number; sold: number; held: number; available: number };

/** Counts as numbers (json gives bigint counts as numbers or text), with what is left available. */
function seatCounts(counts: { total: number | string; sold: number | string; held: number | string }): SeatCounts {
  const total = Number(counts.total);
  const sold = Number(counts.sold);
  const held = Number(counts.held);
  return { total, sold, held, available: total - sold - held };
}

function sumOf<Item extends Record<Field, number>, Field extends string>(items: readonly Item[], field: Field): number {
  return items.reduce((sum, item) => sum + item[field], 0);
}
