// The operator console during a big on-sale: GET
// /api/admin/concerts/{id}/live with 100,000 fans waiting and 10,000 seats
// sold, against the reference route in alternating rounds, and the SQL
// statements a refresh costs (docs/decisions/122); then refunds per second
// (POST /api/admin/payments/{id}/refund, each order of two seats its own fan),
// with the whole database's money and seat invariants checked after the run.
// Smaller numbers for a smoke run: BENCH_CONSOLE_WAITING, BENCH_CONSOLE_SOLD
// and BENCH_CONSOLE_REFUNDS (per round).
import { randomUUID } from "node:crypto";
import { countInvariantViolations } from "@/lib/testing/ledger";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { toSectionSpecs } from "@/lib/venues/venue-input";
import type { BenchContext, BenchRequest, Measurement, ScenarioReport } from "../lib/context.ts";
import { createBenchConcert } from "../lib/concert.ts";
import { combineRounds } from "../lib/measure.ts";

const WAITING = Number(process.env.BENCH_CONSOLE_WAITING ?? 100_000);
const SOLD = Number(process.env.BENCH_CONSOLE_SOLD ?? 10_000);
/** Seats a payment buys. */
const SEATS_PER_PAYMENT = 2;
const PRICE = 110_000;
const REFUNDS_PER_ROUND = Number(process.env.BENCH_CONSOLE_REFUNDS ?? 500);
const REFUND_CONNECTIONS = 10;
const FREE_SEATS = 2_000;
const SEATS_PER_SECTION = 100 * 50;
const OPERATORS = 10;
const CONNECTIONS = 20;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const REFRESH_SAMPLES = 5;
/** A little over the live view's freshness (LIVE_FRESH_MS), so each sampled request reads afresh. */
const PAST_FRESHNESS_MS = 1_100;

/**
 * SOLD seats of the date sold two a payment over the last hour, each payment
 * its own fan's with the wallet entries a real one leaves (a charge of the
 * amount, then the payment), so refunds and the invariant check see real orders.
 */
async function recordSales(ctx: BenchContext, performanceId: string): Promise<void> {
  const payments = Math.ceil(SOLD / SEATS_PER_PAYMENT);
  await ctx.db.$executeRaw`
    WITH buyers AS (
      INSERT INTO users (email, name, password_hash)
      SELECT 'console-buyer-' || n || '-' || gen_random_uuid() || '@example.test', '구매 팬', 'x' FROM generate_series(1, ${payments}) AS n
      RETURNING id
    ), payments_made AS (
      INSERT INTO payments (user_id, amount, created_at)
      SELECT id, ${SEATS_PER_PAYMENT * PRICE}, now() - make_interval(secs => (row_number() OVER ()) % 3600) FROM buyers
      RETURNING id, user_id, created_at
    ), numbered AS (SELECT id, user_id, created_at, row_number() OVER (ORDER BY id) AS n FROM payments_made)
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id, created_at, updated_at)
    SELECT s.id, s.performance_id, numbered.user_id, s.price, 'CONFIRMED', numbered.created_at, numbered.id,
           numbered.created_at - interval '1 minute', numbered.created_at
    FROM seats s JOIN numbered ON (s.number - 1) / ${SEATS_PER_PAYMENT} + 1 = numbered.n
    WHERE s.performance_id = ${performanceId}::uuid AND s.number <= ${SOLD}`;
  // Charges first, payments after, so each fan's balance_after chain runs in id order: amount, then 0.
  await ctx.db.$executeRaw`
    INSERT INTO wallets (user_id, balance)
    SELECT DISTINCT user_id, 0 FROM reservations WHERE performance_id = ${performanceId}::uuid AND status = 'CONFIRMED'`;
  await ctx.db.$executeRaw`
    INSERT INTO wallet_entries (user_id, type, amount, balance_after, created_at)
    SELECT p.user_id, 'CHARGE', p.amount, p.amount, p.created_at - interval '2 minutes' FROM payments p
    WHERE p.id IN (SELECT payment_id FROM reservations WHERE performance_id = ${performanceId}::uuid AND status = 'CONFIRMED')`;
  await ctx.db.$executeRaw`
    INSERT INTO wallet_entries (user_id, type, amount, balance_after, payment_id, created_at)
    SELECT p.user_id, 'PAYMENT', -p.amount, 0, p.id, p.created_at FROM payments p
    WHERE p.id IN (SELECT payment_id FROM reservations WHERE performance_id = ${performanceId}::uuid AND status = 'CONFIRMED')`;
}

/** A concert on sale with SOLD seats sold (two a payment) and WAITING fans in line behind the counter. */
async function createBusyConcert(ctx: BenchContext): Promise<{ concertId: string; performanceId: string }> {
  // Arena sections of 100 rows of 50 (a hall's rows of ten would pass the 500 rows a section may have).
  const sections = Math.ceil((SOLD + FREE_SEATS) / SEATS_PER_SECTION);
  const { concertId, performanceIds } = await createBenchConcert(ctx, {
    title: "콘솔 벤치마크",
    performances: 1,
    venue: {
      name: "콘솔 벤치마크 아레나",
      sections: toSectionSpecs(Array.from({ length: sections }, (_, index) => ({ name: `${index + 1}구역`, grade: "R", rows: 100, seatsPerRow: 50 }))),
      prices: { R: PRICE },
    },
  });
  await recordSales(ctx, performanceIds[0]!);
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
  return { concertId, performanceId: performanceIds[0]! };
}

function refundRequests(paymentIds: readonly string[], cookie: string): BenchRequest[] {
  return paymentIds.map((paymentId) => ({
    path: `/api/admin/payments/${paymentId}/refund`,
    method: "POST",
    headers: { cookie, "idempotency-key": randomUUID() },
    body: { reason: "벤치마크 환불" },
  }));
}

export default async function consoleLive(ctx: BenchContext): Promise<ScenarioReport> {
  ctx.log(`Creating a concert with ${WAITING.toLocaleString("en")} fans waiting and ${SOLD.toLocaleString("en")} seats sold…`);
  const { concertId, performanceId } = await createBusyConcert(ctx);
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

  // Refunds of whole orders (two seats each), in rounds between the reference's, each order once.
  const paymentRows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT payment_id::text AS id FROM reservations WHERE performance_id = ${performanceId}::uuid AND status = 'CONFIRMED' ORDER BY 1`;
  const refundable = paymentRows.map((row) => row.id);
  const refundRounds = Math.min(ROUNDS, Math.floor(refundable.length / REFUNDS_PER_ROUND));
  const refunds: Measurement[] = [];
  for (let round = 0; round < refundRounds; round += 1) {
    ctx.log(`refund round ${round + 1}/${refundRounds}`);
    reference.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    const batch = refundRequests(refundable.slice(round * REFUNDS_PER_ROUND, (round + 1) * REFUNDS_PER_ROUND), operators[round % OPERATORS]!);
    refunds.push(await ctx.measure({ name: "refunds", requests: batch, amount: batch.length, connections: REFUND_CONNECTIONS, warmupSeconds: 0 }));
  }
  const refundSample = refundRequests(refundable.slice(refundRounds * REFUNDS_PER_ROUND, refundRounds * REFUNDS_PER_ROUND + REFRESH_SAMPLES), operators[0]!);
  const refundStatements = await ctx.countQueries(async () => {
    for (const request of refundSample) {
      const response = await fetch(`${ctx.baseUrl}${request.path}`, {
        method: "POST", headers: { ...request.headers, "content-type": "application/json" }, body: JSON.stringify(request.body),
      });
      if (!response.ok) throw new Error(`${request.path} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
  });
  const violations = await countInvariantViolations(ctx.db);
  const totalViolations = Object.values(violations).reduce((sum, count) => sum + count, 0);
  const [after] = await ctx.db.$queryRaw<{ refunded: bigint; sold: bigint }[]>`
    SELECT (SELECT count(*) FROM refunds) AS refunded,
           (SELECT count(*) FROM reservations WHERE performance_id = ${performanceId}::uuid AND status = 'CONFIRMED') AS sold`;

  const combined = combineRounds("noop", reference);
  const result = combineRounds("GET /api/admin/concerts/{id}/live", live);
  const refunded = refunds.length > 0 ? combineRounds("POST /api/admin/payments/{id}/refund (2 seats)", refunds) : null;
  return {
    reference: combined,
    results: [
      {
        ...result,
        queriesPerRequest: statements / REFRESH_SAMPLES,
        note: `${(result.rps / combined.rps).toFixed(2)}× the reference; a fresh refresh took ${refreshMs.toFixed(0)} ms`,
      },
      ...(refunded
        ? [{ ...refunded, queriesPerRequest: refundStatements / refundSample.length, note: `${(refunded.rps / combined.rps).toFixed(2)}× the reference` }]
        : []),
    ],
    notes: [
      `${WAITING.toLocaleString("en")} fans waiting, ${SOLD.toLocaleString("en")} seats sold (${SEATS_PER_PAYMENT} a payment, each its own fan, over the last hour), ${OPERATORS} operators`,
      `live: ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s, ${CONNECTIONS} connections; refunds: ${refundRounds} rounds of ${REFUNDS_PER_ROUND} orders, ${REFUND_CONNECTIONS} connections, each after a reference round`,
      `queries/request: live — ${REFRESH_SAMPLES} requests each just past the 1 s freshness, so each is a session read plus one live read (one statement per refresh); refunds — ${refundSample.length} sequential refunds (BEGIN/COMMIT included)`,
      `after the run: ${Number(after!.refunded)} refunds, ${Number(after!.sold)} seats still sold; invariant violations over the whole database: ${totalViolations} ${JSON.stringify(violations)}`,
    ],
    extra: { waiting: WAITING, sold: SOLD, freshRefreshMs: refreshMs, refundRounds: refunds, invariantViolations: violations },
  };
}
