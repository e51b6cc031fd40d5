import "server-only";
import { z } from "zod";
import { PERFORMANCE_FACTS, type PerformanceFactsRow } from "@/lib/catalog/performance-facts";
import { deriveSaleStatus } from "@/lib/catalog/sale-status";
import type { ConcertDetail } from "@/lib/catalog/schemas";
import type { Db } from "@/lib/db";

export type GetConcertOptions = { concertId: string };

type ConcertRow = {
  id: string;
  title: string;
  artist: string;
  venue: string;
  description: string;
  opens_at: Date | null;
  is_room_open: boolean;
  admission_window_seconds: number | null;
  claim_window_seconds: number | null;
};

/**
 * A concert with what its page shows: the performances (sold-out ones
 * marked), the price of each seat grade and when its waiting room opens.
 * Null for an unknown or malformed id.
 */
export async function getConcert(db: Db, { concertId }: GetConcertOptions): Promise<ConcertDetail | null> {
  if (!z.uuid().safeParse(concertId).success) return null;
  const [concerts, performances, tiers] = await Promise.all([
    db.$queryRaw<ConcertRow[]>`
      SELECT c.id::text AS id, c.title, c.artist, c.venue, c.description, wr.opens_at,
             wr.admission_window_seconds, wr.claim_window_seconds,
             coalesce(wr.opens_at <= now(), false) AS is_room_open
      FROM concerts c LEFT JOIN waiting_rooms wr ON wr.concert_id = c.id
      WHERE c.id = ${concertId}::uuid`,
    db.$queryRaw<PerformanceFactsRow[]>`
      WITH facts AS (${PERFORMANCE_FACTS})
      SELECT id::text AS id, concert_id::text AS concert_id, starts_at, is_on_sale, is_sold_out
      FROM facts WHERE concert_id = ${concertId}::uuid
      ORDER BY starts_at, id`,
    db.$queryRaw<{ grade: string; price: bigint }[]>`
      SELECT s.grade, s.price
      FROM seats s JOIN performances p ON p.id = s.performance_id
      WHERE p.concert_id = ${concertId}::uuid
      GROUP BY s.grade, s.price
      ORDER BY s.price DESC, s.grade`,
  ]);
  const concert = concerts[0];
  if (!concert) return null;
  const bookable = performances.filter((performance) => performance.is_on_sale);
  return {
    id: concert.id,
    title: concert.title,
    artist: concert.artist,
    venue: concert.venue,
    description: concert.description,
    status: deriveSaleStatus({
      isRoomOpen: concert.is_room_open,
      bookablePerformances: bookable.length,
      soldOutBookablePerformances: bookable.filter((performance) => performance.is_sold_out).length,
    }),
    opensAt: concert.opens_at?.toISOString() ?? null,
    admissionWindowSeconds: concert.admission_window_seconds,
    claimWindowSeconds: concert.claim_window_seconds,
    performances: performances.map((performance) => ({
      id: performance.id,
      startsAt: performance.starts_at.toISOString(),
      isSoldOut: performance.is_sold_out,
      isOnSale: performance.is_on_sale,
    })),
    priceTiers: tiers.map((tier) => ({ grade: tier.grade, price: Number(tier.price) })),
  };
}
