// Bench data: a concert whose room admits everyone, and fans admitted to it, written in bulk.
import { sealQueueToken } from "@/lib/queue/token";
import { gradePrices, hallSections, type GradeRange, type VenueSectionSpec } from "@/lib/venues/hall-layout";
import { createPerformanceSeats, insertConcertPrices, insertVenue } from "@/lib/venues/venue-records";
import { SEAT_GRADES } from "../../prisma/seed-data.ts";
import type { BenchContext, BenchFan } from "./context.ts";

export { SEATS_PER_PERFORMANCE } from "../../prisma/seed-data.ts";

/** A venue other than a hall of grade ranges: its sections and the price of each grade. */
export type BenchVenue = { name: string; sections: VenueSectionSpec[]; prices: Record<string, number> };

/**
 * A concert with `performances` dates a week or more ahead, each with the
 * venue's seats (by default a hall of the demo's 50: VIP 1–10, R 11–30, S
 * 31–50), and unless `room` is false an open room that never limits admission.
 */
export async function createBenchConcert(
  ctx: BenchContext,
  options: { title: string; performances: number; grades?: readonly GradeRange[]; venue?: BenchVenue; room?: boolean },
): Promise<{ concertId: string; performanceIds: string[] }> {
  const grades = options.grades ?? SEAT_GRADES;
  const venue = options.venue ?? { name: "벤치마크 홀", sections: hallSections(grades), prices: gradePrices(grades) };
  const venueId = await insertVenue(ctx.db, venue);
  const [concert] = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO concerts (title, artist, venue_id, description)
    VALUES (${options.title}, '벤치마크', ${venueId}::uuid, 'benchmark data') RETURNING id::text`;
  await insertConcertPrices(ctx.db, concert!.id, venue.prices);
  if (options.room !== false) {
    await ctx.db.$executeRaw`
      INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
      VALUES (${concert!.id}::uuid, 1000000, 1000000, 3600, 60, now() - interval '1 minute')`;
  }
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO performances (concert_id, starts_at, booking_opens_at, booking_closes_at)
    SELECT ${concert!.id}::uuid, now() + make_interval(days => 7, mins => n), now() - interval '1 day', now() + interval '6 days'
    FROM generate_series(1, ${options.performances}) AS n RETURNING id`;
  for (const row of rows) await createPerformanceSeats(ctx.db, row.id);
  return { concertId: concert!.id, performanceIds: rows.map((row) => row.id) };
}

/**
 * Admitted, claimed places in the concert's line for these fans (an hour to
 * book), written in bulk; answers each fan's sealed queue token by user id.
 */
export async function admitToConcert(ctx: BenchContext, concertId: string, fans: BenchFan[]): Promise<Map<string, string>> {
  const count = fans.length;
  const [room] = await ctx.db.$queryRaw<{ first: bigint }[]>`
    UPDATE waiting_rooms SET last_ticket = last_ticket + ${count}, serving_counter = last_ticket + ${count}
    WHERE concert_id = ${concertId}::uuid RETURNING last_ticket - ${count} + 1 AS first`;
  const tokens = await ctx.db.$queryRaw<{ id: string; user_id: string; ticket: bigint; admitted_until: Date }[]>`
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, admitted_at, admitted_until, claim_by, claimed_at)
    SELECT u.id, ${concertId}::uuid, ${room!.first} + u.n - 1, 'ADMITTED', now(), now() + interval '1 hour', now() + interval '1 minute', now()
    FROM unnest(${fans.map((fan) => fan.id)}::uuid[]) WITH ORDINALITY AS u(id, n)
    RETURNING id, user_id, ticket, admitted_until`;
  const sealed = await Promise.all(
    tokens.map(async (token) => {
      const claims = { tid: token.id, uid: token.user_id, cid: concertId, tkt: token.ticket.toString(), adm: token.admitted_until.getTime() };
      return [token.user_id, await sealQueueToken(claims)] as const;
    }),
  );
  return new Map(sealed);
}
