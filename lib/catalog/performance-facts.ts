import "server-only";
import { Prisma } from "@/lib/db";

/**
 * Per performance, judged against the database clock: the one meaning of "on
 * sale" and "sold out" that the catalogue, the dates list, the waiting room
 * and the hold share (docs/decisions/050).
 *   is_on_sale      booking has not closed and the performance has not
 *                   started (SQL function is_on_sale)
 *   is_booking_open it takes holds now: booking has opened and it is on sale
 *                   (SQL function is_booking_open, which hold_seats uses too)
 *   is_sold_out     every seat is sold. Only CONFIRMED reservations count: a
 *                   live hold may still come back, so held seats make a date
 *                   full for now (free_seats = 0), never sold out.
 *   free_seats      seats without a live reservation right now
 * The counts cost the same whatever the size of the venue (docs/decisions/111):
 * seats and sold seats come from performance_section_seats (one row per
 * section, kept in the same transactions as the reservations), and live holds
 * are counted from the reservations, bounded by the holds that are live.
 * Columns a query does not read are not computed (PostgreSQL drops unused
 * outputs of a subquery).
 */
export const PERFORMANCE_FACTS = Prisma.sql`
  SELECT p.id, p.concert_id, p.starts_at, p.booking_opens_at, p.booking_closes_at,
         is_on_sale(p.booking_closes_at, p.starts_at) AS is_on_sale,
         is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at) AS is_booking_open,
         counts.total_seats <= counts.sold_seats AS is_sold_out,
         counts.total_seats,
         counts.total_seats - counts.sold_seats
           - (SELECT count(*)::int FROM reservations r
              WHERE r.performance_id = p.id AND r.status = 'HELD' AND is_live_hold(r.status, r.expires_at)) AS free_seats
  FROM performances p
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(c.total_seats), 0)::int AS total_seats, coalesce(sum(c.sold_seats), 0)::int AS sold_seats
    FROM performance_section_seats c WHERE c.performance_id = p.id
  ) AS counts`;

export type PerformanceFactsRow = {
  id: string;
  concert_id: string;
  starts_at: Date;
  is_on_sale: boolean;
  is_sold_out: boolean;
};
