import type { SqlClient } from "@/lib/db";
import type { VenueSectionSpec } from "@/lib/venues/hall-layout";

// The writes that give concerts their venue, prices and seats. The rules
// themselves live in SQL (prisma/functions/create_venue.sql and
// create_performance_seats.sql), so the seed, the tests, the bench and the
// operator console make venues and seats one way (docs/decisions/100).
// No server-only import: the seed script uses these too.

/** A venue with its sections (drawing order); answers its id. */
export async function insertVenue(db: SqlClient, venue: { name: string; sections: readonly VenueSectionSpec[] }): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`
    SELECT create_venue(${venue.name}, ${JSON.stringify(venue.sections)}::jsonb)::text AS id`;
  return row!.id;
}

/** The concert's price of each grade, in won. */
export async function insertConcertPrices(db: SqlClient, concertId: string, prices: Readonly<Record<string, number>>): Promise<void> {
  const grades = Object.keys(prices);
  await db.$executeRaw`
    INSERT INTO concert_prices (concert_id, grade, price)
    SELECT ${concertId}::uuid, grade, price
    FROM unnest(${grades}::text[], ${grades.map((grade) => BigInt(prices[grade]!))}::bigint[]) AS p(grade, price)`;
}

/** The performance's seats, from its concert's venue and prices; answers how many. */
export async function createPerformanceSeats(db: SqlClient, performanceId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ made: number }[]>`SELECT create_performance_seats(${performanceId}::uuid) AS made`;
  return row!.made;
}
