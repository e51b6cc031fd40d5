// The operator console's live view during a big on-sale: GET
// /api/admin/concerts/{id}/live with 100,000 fans waiting and 10,000 seats
// sold, against the reference route in alternating rounds, and the SQL
// statements a refresh costs (docs/decisions/122). Smaller numbers for a smoke
// run: BENCH_CONSOLE_WAITING and BENCH_CONSOLE_SOLD.
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { toSectionSpecs } from "@/lib/venues/venue-input";
import type { BenchContext, Measurement, ScenarioReport } from "../lib/context.ts";
import { createBenchConcert } from "../lib/concert.ts";
import { combineRounds } from "../lib/measure.ts";

const WAITING = Number(process.env.BENCH_CONSOLE_WAITING ?? 100_000);
const SOLD = Number(process.env.BENCH_CONSOLE_SOLD ?? 10_000);
/** Seats a payment buys. */
const SEATS_PER_PAYMENT = 2;
const FREE_SEATS = 2_000;
const SEATS_PER_SECTION = 100 * 50;
const OPERATORS = 10;
const CONNECTIONS = 20;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const REFRESH_SAMPLES = 5;
/** A little over the live view's freshness (LIVE_FRESH_MS), so each sampled request reads afresh. */
const PAST_FRESHNESS_MS = 1_100;

/** A concert on sale with SOLD seats sold (two a payment) and WAITING fans in line behind the counter. */
async function createBusyConcert(ctx: BenchContext): Promise<string> {
  // Arena sections of 100 rows of 50 (a hall's rows of ten would pass the 500 rows a section may have).
  const sections = Math.ceil((SOLD + FREE_SEATS) / SEATS_PER_SECTION);
  const { concertId, performanceIds } = await createBenchConcert(ctx, {
    title: "콘솔 벤치마크",
    performances: 1,
    venue: {
      name: "콘솔 벤치마크 아레나",
      sections: toSectionSpecs(Array.from({ length: sections }, (_, index) => ({ name: `${index + 1}구역`, grade: "R", rows: 100, seatsPerRow: 50 }))),
      prices: { R: 110_000 },
    },
  });
  const buyer = await createUser(ctx.db);
  await ctx.db.$executeRaw`
    WITH payments_made AS (
      INSERT INTO payments (user_id, amount, created_at)
      SELECT ${buyer.id}::uuid, ${SEATS_PER_PAYMENT * 110_000}, now() - make_interval(secs => n % 3600)
      FROM generate_series(1, ${Math.ceil(SOLD / SEATS_PER_PAYMENT)}) AS n
      RETURNING id, created_at
    ), numbered AS (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM payments_made)
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id, created_at, updated_at)
    SELECT s.id, s.performance_id, ${buyer.id}::uuid, s.price, 'CONFIRMED', numbered.created_at, numbered.id,
           numbered.created_at - interval '1 minute', numbered.created_at
    FROM seats s JOIN numbered ON (s.number - 1) / ${SEATS_PER_PAYMENT} + 1 = numbered.n
    WHERE s.performance_id = ${performanceIds[0]!}::uuid AND s.number <= ${SOLD}`;
  await ctx.db.$executeRaw`
    WITH fans AS (
      INSERT INTO users (email, name, password_hash)
      SELECT 'console-' || n || '-' || gen_random_uuid() || '@example.test', '대기 팬', 'x' FROM generate_series(1, ${WAITING}) AS n
      RETURNING id
    ), numbered AS (SELECT id, row_number() OVER () AS n FROM fans)
    INSERT INTO queue_tokens (user_id, concert_id, ticket, created_at)
    SELECT id, ${concertId}::uuid, n, now() - make_interval(secs => n % 3600) FROM numbered`;
  await ctx.db.$executeRaw`
    UPDATE waiting_rooms SET last_ticket = ${WAITING}, serving_counter = 0, is_prequeue_ordered = true, capacity = 1, admission_rate_per_minute = 1,
                             is_paused = true
    WHERE concert_id = ${concertId}::uuid`;
  await ctx.db.$executeRaw`ANALYZE queue_tokens`;
  await ctx.db.$executeRaw`ANALYZE reservations`;
  return concertId;
}

export default async function consoleLive(ctx: BenchContext): Promise<ScenarioReport> {
  ctx.log(`Creating a concert with ${WAITING.toLocaleString("en")} fans waiting and ${SOLD.toLocaleString("en")} seats sold…`);
  const concertId = await createBusyConcert(ctx);
  const operators = await Promise.all(Array.from({ length: OPERATORS }, async () => {
    const operator = await createUser(ctx.db, { role: "ADMIN" });
    return sessionCookieFor(ctx.db, operator.id);
  }));
  const path = `/api/admin/concerts/${concertId}/live`;
  const requests = operators.map((cookie) => ({ path, headers: { cookie } }));

  const first = await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie: operators[0]! } });
  if (!first.ok) throw new Error(`${path} answered ${first.status}`);
  const body = (await first.json()) as { room: { waiting: number }; seats: { sold: number } };
  if (body.room.waiting !== WAITING || body.seats.sold !== SOLD) throw new Error(`live counts are off: ${JSON.stringify(body)}`);

  const reference: Measurement[] = [];
  const live: Measurement[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    ctx.log(`round ${round}/${ROUNDS}`);
    reference.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    live.push(await ctx.measure({ name: "GET /api/admin/concerts/{id}/live", requests, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
  }

  // Each sampled request comes after the shared answer went stale: a session read and the one live read.
  const statements = await ctx.countQueries(async () => {
    for (let sample = 0; sample < REFRESH_SAMPLES; sample += 1) {
      await new Promise((resolve) => setTimeout(resolve, PAST_FRESHNESS_MS));
      const response = await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie: operators[0]! } });
      await response.arrayBuffer();
    }
  });
  await new Promise((resolve) => setTimeout(resolve, PAST_FRESHNESS_MS));
  const timed = performance.now();
  await (await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie: operators[0]! } })).arrayBuffer();
  const refreshMs = performance.now() - timed;

  const combined = combineRounds("noop", reference);
  const result = combineRounds("GET /api/admin/concerts/{id}/live", live);
  return {
    reference: combined,
    results: [{
      ...result,
      queriesPerRequest: statements / REFRESH_SAMPLES,
      note: `${(result.rps / combined.rps).toFixed(2)}× the reference; a fresh refresh took ${refreshMs.toFixed(0)} ms`,
    }],
    notes: [
      `${WAITING.toLocaleString("en")} fans waiting, ${SOLD.toLocaleString("en")} seats sold (${SEATS_PER_PAYMENT} a payment, over the last hour), ${OPERATORS} operators`,
      `${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, ${CONNECTIONS} connections`,
      `queries/request: ${REFRESH_SAMPLES} requests each just past the 1 s freshness, so each is a session read plus one live read (one statement per refresh)`,
    ],
    extra: { waiting: WAITING, sold: SOLD, freshRefreshMs: refreshMs },
  };
}
