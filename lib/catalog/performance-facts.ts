import "server-only";
import { Prisma } from "@/lib/db";

/**
 * Per performance, judged against the database clock: whether booking is
 * still open, and whether every seat is sold. Only CONFIRMED reservations
 * count as sold; a live hold may still come back, so it does not make a
 * performance "sold out". Both counts use the (performance_id, …) indexes.
 */
export const PERFORMANCE_FACTS = Prisma.sql`
  SELECT p.id, p.concert_id, p.starts_at,
         (p.booking_closes_at > now() AND p.starts_at > now()) AS is_on_sale,
         (SELECT count(*) FROM seats s WHERE s.performance_id = p.id)
           <= (SELECT count(*) FROM reservations r WHERE r.performance_id = p.id AND r.status = 'CONFIRMED') AS is_sold_out
  FROM performances p`;

export type PerformanceFactsRow = {
  id: string;
  concert_id: string;
  starts_at: Date;
  is_on_sale: boolean;
  is_sold_out: boolean;
};
