import "server-only";
import { PERFORMANCE_FACTS } from "@/lib/catalog/performance-facts";
import { deriveSaleStatus } from "@/lib/catalog/sale-status";
import type { ConcertSummary } from "@/lib/catalog/schemas";
import type { Db } from "@/lib/db";

type ConcertListRow = {
  id: string;
  title: string;
  artist: string;
  venue: string;
  opens_at: Date | null;
  is_room_open: boolean;
  first_performance_at: Date;
  last_performance_at: Date;
  bookable: bigint;
  sold_out_bookable: bigint;
};

/**
 * The public catalogue: every concert that has at least one performance,
 * ordered by its first performance (then title, then id, so the order is stable).
 */
export async function listConcerts(db: Db): Promise<ConcertSummary[]> {
  const rows = await db.$queryRaw<ConcertListRow[]>`
    WITH facts AS (${PERFORMANCE_FACTS})
    SELECT c.id::text AS id, c.title, c.artist, c.venue, wr.opens_at,
           coalesce(wr.opens_at <= now(), false) AS is_room_open,
           min(f.starts_at) AS first_performance_at,
           max(f.starts_at) AS last_performance_at,
           count(*) FILTER (WHERE f.is_on_sale) AS bookable,
           count(*) FILTER (WHERE f.is_on_sale AND f.is_sold_out) AS sold_out_bookable
    FROM concerts c
    JOIN facts f ON f.concert_id = c.id
    LEFT JOIN waiting_rooms wr ON wr.concert_id = c.id
    GROUP BY c.id, wr.opens_at
    ORDER BY first_performance_at, c.title, c.id`;
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    artist: row.artist,
    venue: row.venue,
    firstPerformanceAt: row.first_performance_at.toISOString(),
    lastPerformanceAt: row.last_performance_at.toISOString(),
    status: deriveSaleStatus({
      isRoomOpen: row.is_room_open,
      bookablePerformances: Number(row.bookable),
      soldOutBookablePerformances: Number(row.sold_out_bookable),
    }),
    opensAt: row.opens_at?.toISOString() ?? null,
  }));
}
