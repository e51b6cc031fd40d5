// Retention: a database carrying the leftovers of a million-fan on-sale
// (1,000,000 ended queue tokens, 1,000,000 expired sessions, 1,000,000
// idempotency records two days old, 100,000 stale sign-in throttles). Polls,
// holds and payments are measured against the reference with that backlog,
// then the cron runs until the purge reports it drained (each run's duration
// and rows removed), with polls measured while it works, then the same
// measurements again on the purged database.
//
// The ended tokens belong to the room the polls ask about (a room after its
// big on-sale), so its snapshot reads walk past them as in production.
import { PURGE_TIME_BUDGET_MS } from "@/lib/retention/purge-expired-rows";
import { sealQueueToken } from "@/lib/queue/token";
import { admitToConcert, createBenchConcert, SEATS_PER_PERFORMANCE } from "../lib/concert.ts";
import { combineRounds } from "../lib/measure.ts";
import { paymentRequest, preparePayingFans, SEATS_PER_PAYMENT, type PayingFan } from "../lib/payers.ts";
import type { BenchContext, BenchRequest, Measurement, ScenarioReport } from "../lib/context.ts";

const BACKLOG = 1_000_000;
const THROTTLE_BACKLOG = 100_000;
const BACKLOG_OWNERS = 10_000;
const ROOM_CAPACITY = 100;
const POLLING_FANS = 1_000;
const CONNECTIONS = 20;
const ROUND_SECONDS = 5;
const ROUNDS = 3;
const HOLDS_PER_ROUND = 500;
const PAYMENTS_PER_ROUND = 300;
const WARMUP_REQUESTS = 200;
const MAX_CRON_RUNS = 400;

type CronRun = { ms: number; status: number; removed: number; purged: Record<string, number>; isPurgeDrained: boolean };

const OWNER_IDS = `SELECT array_agg(id) AS ids FROM users WHERE email LIKE 'bench-retention-owner-%'`;

/** The leftovers, written with generate_series: owners, then each kind dated two days back (throttles an hour). */
async function insertBacklog(ctx: BenchContext, concertId: string): Promise<void> {
  await ctx.db.$executeRaw`
    INSERT INTO users (email, name, password_hash)
    SELECT 'bench-retention-owner-' || n || '@bench.test', '지난 팬', 'not-a-password-hash' FROM generate_series(1, ${BACKLOG_OWNERS}) n`;
  ctx.log(`  ${BACKLOG.toLocaleString("en-US")} expired sessions…`);
  await ctx.db.$executeRawUnsafe(`
    WITH owners AS (${OWNER_IDS})
    INSERT INTO sessions (id, user_id, created_at, expires_at)
    SELECT 'bench-expired-' || n, owners.ids[1 + n % ${BACKLOG_OWNERS}], now() - interval '32 days',
           now() - interval '2 days' - n * interval '1 ms'
    FROM owners, generate_series(1, ${BACKLOG}) n`);
  ctx.log(`  ${BACKLOG.toLocaleString("en-US")} idempotency records…`);
  await ctx.db.$executeRawUnsafe(`
    WITH owners AS (${OWNER_IDS})
    INSERT INTO idempotency_records (user_id, key, request_hash, response_status, response_body, created_at)
    SELECT owners.ids[1 + n % ${BACKLOG_OWNERS}], 'bench-key-' || n, md5(n::text) || md5(n::text), 200,
           jsonb_build_object('balance', n, 'entry', jsonb_build_object('id', n::text, 'type', 'CHARGE', 'amount', 10000,
                              'balanceAfter', n, 'createdAt', now() - interval '2 days')),
           now() - interval '2 days' - n * interval '1 ms'
    FROM owners, generate_series(1, ${BACKLOG}) n`);
  ctx.log(`  ${BACKLOG.toLocaleString("en-US")} ended queue tokens…`);
  await ctx.db.$executeRawUnsafe(`
    WITH owners AS (${OWNER_IDS})
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, end_reason, created_at, admitted_at, admitted_until, claim_by, claimed_at, ended_at)
    SELECT owners.ids[1 + n % ${BACKLOG_OWNERS}], '${concertId}'::uuid, n, 'ENDED',
           (ARRAY['PAID', 'EXPIRED', 'ABANDONED', 'LEFT'])[1 + n % 4]::"QueueEndReason",
           now() - interval '2 days 1 hour', now() - interval '2 days 30 minutes', now() - interval '2 days 20 minutes',
           now() - interval '2 days 29 minutes', now() - interval '2 days 29 minutes', now() - interval '2 days' - n * interval '1 ms'
    FROM owners, generate_series(1, ${BACKLOG}) n`);
  ctx.log(`  ${THROTTLE_BACKLOG.toLocaleString("en-US")} stale sign-in throttles…`);
  await ctx.db.$executeRaw`
    INSERT INTO sign_in_throttles (email, failures, window_started_at)
    SELECT 'unknown-' || n || '@bench.test', 1 + n % 10, now() - interval '1 hour' - n * interval '1 ms'
    FROM generate_series(1, ${THROTTLE_BACKLOG}) n`;
}

/**
 * The room after its on-sale: tickets 1…BACKLOG ended, ROOM_CAPACITY admitted
 * with time left (full, so nobody is admitted during the run), POLLING_FANS
 * waiting behind them. Answers one status poll per waiting fan.
 */
async function createPolledRoom(ctx: BenchContext): Promise<{ concertId: string; polls: BenchRequest[] }> {
  const { concertId } = await createBenchConcert(ctx, { title: "보존 벤치마크 대기열", performances: 1 });
  const first = BACKLOG + 1;
  const last = BACKLOG + ROOM_CAPACITY + POLLING_FANS;
  await ctx.db.$executeRaw`
    UPDATE waiting_rooms SET capacity = ${ROOM_CAPACITY}, last_ticket = ${last}, serving_counter = ${BACKLOG + ROOM_CAPACITY}, is_prequeue_ordered = true
    WHERE concert_id = ${concertId}::uuid`;
  await ctx.db.$executeRaw`
    INSERT INTO users (email, name, password_hash)
    SELECT 'bench-retention-line-' || n || '@line.test', '대기 팬', 'not-a-password-hash' FROM generate_series(${first}::int, ${last}::int) n`;
  const waiting = await ctx.db.$queryRaw<{ id: string; user_id: string; ticket: bigint }[]>`
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, admitted_at, admitted_until, claim_by, claimed_at)
    SELECT u.id, ${concertId}::uuid, u.n, CASE WHEN u.admitted THEN 'ADMITTED' ELSE 'WAITING' END::"QueueTokenStatus",
           CASE WHEN u.admitted THEN now() END, CASE WHEN u.admitted THEN now() + interval '3 hours' END,
           CASE WHEN u.admitted THEN now() + interval '1 minute' END, CASE WHEN u.admitted THEN now() END
    FROM (SELECT id, n, n <= ${BACKLOG + ROOM_CAPACITY} AS admitted
          FROM (SELECT id, split_part(split_part(email, '@', 1), '-', 4)::bigint AS n FROM users WHERE email LIKE 'bench-retention-line-%') line) u
    RETURNING id::text, user_id::text, ticket`;
  const polls = await Promise.all(
    waiting
      .filter((token) => token.ticket > BACKLOG + ROOM_CAPACITY)
      .map(async (token) => ({
        path: "/api/queue/status",
        headers: { "x-queue-token": await sealQueueToken({ tid: token.id, uid: token.user_id, cid: concertId, tkt: token.ticket.toString() }) },
      })),
  );
  return { concertId, polls };
}

/** One hold per request, each by its own admitted fan on its own seat. */
async function prepareHolds(ctx: BenchContext, count: number): Promise<BenchRequest[]> {
  const { concertId, performanceIds } = await createBenchConcert(ctx, {
    title: "보존 벤치마크 예매",
    performances: Math.ceil(count / SEATS_PER_PERFORMANCE),
  });
  const fans = await ctx.createFans(count);
  const tokens = await admitToConcert(ctx, concertId, fans);
  const seats = await ctx.db.$queryRaw<{ id: string; performance_id: string }[]>`
    SELECT s.id::text, s.performance_id::text FROM seats s JOIN unnest(${performanceIds}::uuid[]) WITH ORDINALITY AS p(id, n) ON p.id = s.performance_id
    ORDER BY p.n, s.number LIMIT ${count}`;
  return seats.map((seat, index) => ({
    path: "/api/reservations",
    method: "POST",
    headers: { cookie: fans[index]!.cookie, "x-queue-token": tokens.get(fans[index]!.id)! },
    body: { performanceId: seat.performance_id, seatIds: [seat.id] },
  }));
}

async function preparePayments(ctx: BenchContext, count: number): Promise<BenchRequest[]> {
  const { concertId } = await createBenchConcert(ctx, {
    title: "보존 벤치마크 결제",
    performances: Math.ceil((count * SEATS_PER_PAYMENT) / SEATS_PER_PERFORMANCE),
  });
  const payers: PayingFan[] = await preparePayingFans(ctx, concertId, count);
  return payers.map(paymentRequest);
}

async function prepareFreshRequests(ctx: BenchContext, extra: number): Promise<{ holds: BenchRequest[]; payments: BenchRequest[] }> {
  return {
    holds: await prepareHolds(ctx, ROUNDS * HOLDS_PER_ROUND + extra),
    payments: await preparePayments(ctx, ROUNDS * PAYMENTS_PER_ROUND + extra),
  };
}

type PhaseRounds = { reference: Measurement[]; poll: Measurement[]; holds: Measurement[]; payments: Measurement[] };

/** ROUNDS rounds of poll, holds and payments, the reference measured before each round and after the last. */
async function measurePhase(ctx: BenchContext, label: string, polls: BenchRequest[], holds: BenchRequest[], payments: BenchRequest[]): Promise<PhaseRounds> {
  const rounds: PhaseRounds = { reference: [], poll: [], holds: [], payments: [] };
  const reference = () => ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 });
  for (let round = 0; round < ROUNDS; round++) {
    rounds.reference.push(await reference());
    rounds.poll.push(await ctx.measure({ name: `poll, ${label}`, requests: polls, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 }));
    const holdBatch = holds.slice(round * HOLDS_PER_ROUND, (round + 1) * HOLDS_PER_ROUND);
    rounds.holds.push(await ctx.measure({ name: `holds, ${label}`, requests: holdBatch, amount: holdBatch.length, connections: CONNECTIONS, warmupSeconds: 0 }));
    const payBatch = payments.slice(round * PAYMENTS_PER_ROUND, (round + 1) * PAYMENTS_PER_ROUND);
    rounds.payments.push(await ctx.measure({ name: `payments, ${label}`, requests: payBatch, amount: payBatch.length, connections: CONNECTIONS, warmupSeconds: 0 }));
  }
  rounds.reference.push(await reference());
  return rounds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each round against the mean of the references just before and after it. */
function roundRatios(rounds: Measurement[], references: Measurement[]): number[] {
  return rounds.map((round, index) => round.rps / ((references[index]!.rps + references[index + 1]!.rps) / 2));
}

async function runCron(ctx: BenchContext): Promise<CronRun> {
  const startedAt = performance.now();
  const response = await fetch(`${ctx.baseUrl}/api/cron/release-holds`, { headers: { authorization: `Bearer ${ctx.secrets.CRON_SECRET}` } });
  const body = (await response.json()) as { purged?: Record<string, number>; isPurgeDrained?: boolean };
  const ms = performance.now() - startedAt;
  const purged = body.purged ?? {};
  return { ms, status: response.status, purged, removed: Object.values(purged).reduce((sum, count) => sum + count, 0), isPurgeDrained: body.isPurgeDrained === true };
}

async function countBacklog(ctx: BenchContext, pollConcertId: string): Promise<Record<string, number>> {
  const [row] = await ctx.db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM sessions WHERE expires_at < now()) AS "expiredSessions",
           (SELECT count(*) FROM idempotency_records WHERE created_at < now() - interval '1 day') AS "oldIdempotencyRecords",
           (SELECT count(*) FROM queue_tokens WHERE concert_id = ${pollConcertId}::uuid AND status = 'ENDED') AS "endedTokens",
           (SELECT count(*) FROM sign_in_throttles WHERE window_started_at < now() - interval '15 minutes') AS "staleThrottles"`;
  return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
}

export default async function retention(ctx: BenchContext): Promise<ScenarioReport> {
  ctx.log("Preparing the room the polls ask about, and the backlog (generate_series)…");
  const room = await createPolledRoom(ctx);
  await insertBacklog(ctx, room.concertId);
  ctx.log("Preparing fans for holds and payments…");
  const before = await prepareFreshRequests(ctx, WARMUP_REQUESTS);
  await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
  const backlogAtStart = await countBacklog(ctx, room.concertId);
  ctx.log(`Backlog: ${JSON.stringify(backlogAtStart)}`);

  await ctx.measure({ name: "warm-up", requests: room.polls, connections: CONNECTIONS, durationSeconds: 2, warmupSeconds: 0 });
  await ctx.measure({ name: "warm-up", requests: before.holds.slice(-WARMUP_REQUESTS), amount: WARMUP_REQUESTS, connections: CONNECTIONS, warmupSeconds: 0 });
  await ctx.measure({ name: "warm-up", requests: before.payments.slice(-WARMUP_REQUESTS), amount: WARMUP_REQUESTS, connections: CONNECTIONS, warmupSeconds: 0 });
  ctx.log("Measuring with the backlog…");
  const backlog = await measurePhase(ctx, "with the backlog", room.polls, before.holds, before.payments);

  ctx.log("Running the cron until the purge drains the backlog (polls measured alongside the first runs)…");
  const runs: CronRun[] = [];
  const drain = (async () => {
    while (runs.length < MAX_CRON_RUNS) {
      const run = await runCron(ctx);
      runs.push(run);
      if (run.status !== 200 || run.isPurgeDrained) return;
    }
  })();
  const during: Measurement[] = [];
  const duringReference: Measurement[] = [];
  for (let round = 0; round < 2; round++) {
    duringReference.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 }));
    during.push(await ctx.measure({ name: "poll, while the cron purges", requests: room.polls, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 }));
  }
  const runsUnderLoad = runs.length + 1;
  await drain;
  const backlogAfterDrain = await countBacklog(ctx, room.concertId);
  ctx.log(`${runs.length} cron runs; left: ${JSON.stringify(backlogAfterDrain)}`);

  // Autovacuum would clean the purged tables in its own time; here both phases start from vacuumed tables.
  await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
  const after = await prepareFreshRequests(ctx, 0);
  await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
  ctx.log("Measuring after the purge…");
  const purged = await measurePhase(ctx, "after the purge", room.polls, after.holds, after.payments);

  const ratio = (rounds: Measurement[], references: Measurement[]) => median(roundRatios(rounds, references));
  const format = (values: number[]) => values.map((value) => value.toFixed(2)).join(", ");
  const durations = runs.map((run) => run.ms);
  const removedPerRun = runs.map((run) => run.removed);
  const duringRatio = during.map((round, index) => round.rps / duringReference[index]!.rps);
  const figures = {
    poll: { backlog: ratio(backlog.poll, backlog.reference), purged: ratio(purged.poll, purged.reference) },
    holds: { backlog: ratio(backlog.holds, backlog.reference), purged: ratio(purged.holds, purged.reference) },
    payments: { backlog: ratio(backlog.payments, backlog.reference), purged: ratio(purged.payments, purged.reference) },
  };
  return {
    reference: combineRounds("GET /api/bench/noop", [...backlog.reference, ...purged.reference]),
    results: [
      combineRounds("GET /api/queue/status, with the backlog", backlog.poll),
      combineRounds("GET /api/queue/status, after the purge", purged.poll),
      combineRounds("GET /api/queue/status, while the cron purges", during),
      combineRounds("POST /api/reservations, with the backlog", backlog.holds),
      combineRounds("POST /api/reservations, after the purge", purged.holds),
      combineRounds("POST /api/payments (2 seats), with the backlog", backlog.payments),
      combineRounds("POST /api/payments (2 seats), after the purge", purged.payments),
    ],
    notes: [
      `backlog at the start: ${JSON.stringify(backlogAtStart)}; the ended tokens are in the polled room (tickets 1…${BACKLOG.toLocaleString("en-US")}), ` +
        `${ROOM_CAPACITY} admitted and ${POLLING_FANS} waiting behind them`,
      `median ratios to the reference (${ROUNDS} rounds each, reference before and after every round): ` +
        `poll ${figures.poll.backlog.toFixed(2)}× with the backlog → ${figures.poll.purged.toFixed(2)}× after; ` +
        `holds ${figures.holds.backlog.toFixed(2)}× → ${figures.holds.purged.toFixed(2)}×; ` +
        `payments ${figures.payments.backlog.toFixed(2)}× → ${figures.payments.purged.toFixed(2)}×`,
      `per-round ratios, with the backlog: poll ${format(roundRatios(backlog.poll, backlog.reference))}; holds ${format(roundRatios(backlog.holds, backlog.reference))}; ` +
        `payments ${format(roundRatios(backlog.payments, backlog.reference))}`,
      `per-round ratios, after the purge: poll ${format(roundRatios(purged.poll, purged.reference))}; holds ${format(roundRatios(purged.holds, purged.reference))}; ` +
        `payments ${format(roundRatios(purged.payments, purged.reference))}`,
      `cron: ${runs.length} runs to drain (statuses ${[...new Set(runs.map((run) => run.status))].join(", ")}); purge budget ${PURGE_TIME_BUDGET_MS} ms; ` +
        `duration per run median ${median(durations).toFixed(0)} ms, max ${Math.max(...durations).toFixed(0)} ms ` +
        `(runs after the first ${runsUnderLoad}, without poll load: max ${Math.max(0, ...durations.slice(runsUnderLoad)).toFixed(0)} ms)`,
      `rows removed per run: median ${median(removedPerRun).toLocaleString("en-US")}, min ${Math.min(...removedPerRun).toLocaleString("en-US")}, ` +
        `max ${Math.max(...removedPerRun).toLocaleString("en-US")}; first run ${JSON.stringify(runs[0]?.purged)}`,
      `left after the drain: ${JSON.stringify(backlogAfterDrain)}`,
      `poll while the cron purges, against a reference also measured during the purge: ${format(duringRatio)}`,
    ],
    extra: { backlogAtStart, backlogAfterDrain, figures, cronRuns: runs, backlog, purged, during, duringReference },
  };
}
