import "server-only";
import { PERFORMANCE_FACTS } from "@/lib/catalog/performance-facts";
import { deriveSaleStatus } from "@/lib/catalog/sale-status";
import type { ConcertDetail, ConcertSummary } from "@/lib/catalog/schemas";
import type { SqlClient } from "@/lib/db";

/** The whole public catalogue as of one moment of the database clock. */
export type Catalog = {
  /** Concerts with at least one performance, by first performance (then title, then id). */
  concerts: ConcertSummary[];
  /** Every concert, also one without performances yet, by id. */
  details: ReadonlyMap<string, ConcertDetail>;
};

type CatalogRow = {
  id: string;
  title: string;
  artist: string;
  venue: string;
  description: string;
  opens_at: Date | null;
  is_room_open: boolean;
  admission_window_seconds: number | null;
  claim_window_seconds: number | null;
  /** [id, starts_at, is_on_sale, is_sold_out] in date order. */
  performances: [string, string, boolean, boolean][];
  /** [grade, price] from dearest. */
  price_tiers: [string, number][];
};

/**
 * Every concert with its performances (on sale, sold out) and price tiers, in
 * ONE statement: the catalogue snapshot reads this about once a second per
 * process, whatever the number of visitors (catalog-snapshot.ts). The facts
 * (the one meaning of on sale and sold out) and the price tiers are computed
 * once for all concerts; the order comes from the database's collation.
 */
export async function readCatalog(db: SqlClient): Promise<Catalog> {
  const rows = await db.$queryRaw<CatalogRow[]>`
    WITH per_concert AS (
      SELECT f.concert_id, min(f.starts_at) AS first_starts_at,
             json_agg(json_build_array(f.id, f.starts_at, f.is_on_sale, f.is_sold_out) ORDER BY f.starts_at, f.id) AS performances
      FROM (${PERFORMANCE_FACTS}) f
      GROUP BY f.concert_id
    ),
    tiers AS (
      SELECT cp.concert_id, json_agg(json_build_array(cp.grade, cp.price) ORDER BY cp.price DESC, cp.grade) AS price_tiers
      FROM concert_prices cp
      GROUP BY cp.concert_id
    )
    SELECT c.id::text AS id, c.title, c.artist, v.name AS venue, c.description, wr.opens_at,
           coalesce(is_room_open(wr.opens_at), false) AS is_room_open,
           wr.admission_window_seconds, wr.claim_window_seconds,
           coalesce(pc.performances, '[]') AS performances, coalesce(t.price_tiers, '[]') AS price_tiers
    FROM concerts c
    JOIN venues v ON v.id = c.venue_id
    LEFT JOIN waiting_rooms wr ON wr.concert_id = c.id
    LEFT JOIN per_concert pc ON pc.concert_id = c.id
    LEFT JOIN tiers t ON t.concert_id = c.id
    ORDER BY pc.first_starts_at, c.title, c.id`;
  const details = new Map<string, ConcertDetail>();
  const concerts: ConcertSummary[] = [];
  for (const row of rows) {
    const detail = toDetail(row);
    details.set(detail.id, detail);
    const first = detail.performances[0];
    const last = detail.performances.at(-1);
    if (!first || !last) continue;
    concerts.push({
      id: detail.id,
      title: detail.title,
      artist: detail.artist,
      venue: detail.venue,
      firstPerformanceAt: first.startsAt,
      lastPerformanceAt: last.startsAt,
      status: detail.status,
      opensAt: detail.opensAt,
    });
  }
  return { concerts, details };
}

function toDetail(row: CatalogRow): ConcertDetail {
  const performances = row.performances.map(([id, startsAt, isOnSale, isSoldOut]) => ({
    id,
    startsAt: new Date(startsAt).toISOString(),
    isSoldOut,
    isOnSale,
  }));
  const bookable = performances.filter((performance) => performance.isOnSale);
  return {
    id: row.id,
    title: row.title,
    artist: row.artist,
    venue: row.venue,
    description: row.description,
    status: deriveSaleStatus({
      isRoomOpen: row.is_room_open,
      bookablePerformances: bookable.length,
      soldOutBookablePerformances: bookable.filter((performance) => performance.isSoldOut).length,
    }),
    opensAt: row.opens_at?.toISOString() ?? null,
    admissionWindowSeconds: row.admission_window_seconds,
    claimWindowSeconds: row.claim_window_seconds,
    performances,
    priceTiers: row.price_tiers.map(([grade, price]) => ({ grade, price: Number(price) })),
  };
}
