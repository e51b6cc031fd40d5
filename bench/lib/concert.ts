// Bench data: a concert whose room admits everyone, written in bulk.
import type { BenchContext } from "./context.ts";

export const SEATS_PER_PERFORMANCE = 50;

/** A concert with an open room that never limits admission, and `performances` dates of 50 priced seats each. */
export async function createBenchConcert(
  ctx: BenchContext,
  options: { title: string; performances: number },
): Promise<{ concertId: string; performanceIds: string[] }> {
  const [concert] = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO concerts (title, artist, venue, description)
    VALUES (${options.title}, '벤치마크', '벤치마크 홀', 'benchmark data') RETURNING id`;
  await ctx.db.$executeRaw`
    INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
    VALUES (${concert!.id}::uuid, 1000000, 1000000, 3600, 60, now() - interval '1 minute')`;
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO performances (concert_id, starts_at, booking_opens_at, booking_closes_at)
    SELECT ${concert!.id}::uuid, now() + make_interval(days => 7, mins => n), now() - interval '1 day', now() + interval '6 days'
    FROM generate_series(1, ${options.performances}) AS n RETURNING id`;
  await ctx.db.$executeRaw`
    INSERT INTO seats (performance_id, number, grade, price)
    SELECT p.id, n, CASE WHEN n <= 10 THEN 'VIP' WHEN n <= 30 THEN 'R' ELSE 'S' END,
           CASE WHEN n <= 10 THEN 150000 WHEN n <= 30 THEN 110000 ELSE 80000 END
    FROM unnest(${rows.map((row) => row.id)}::uuid[]) AS p(id), generate_series(1, ${SEATS_PER_PERFORMANCE}) AS n`;
  return { concertId: concert!.id, performanceIds: rows.map((row) => row.id) };
}
