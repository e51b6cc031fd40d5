// The on-sale simulation: virtual fans arrive on a ramp for an arena and a
// small hall, and each goes the whole way a browser goes — sign in, join the
// line, poll at the interval the server suggests, and once admitted list the
// dates, open a section (arena) or the seat list, hold 1–4 seats (choosing
// again after a 409), pay, and charge the shortfall when told the balance is
// short. Some give up in line, some are admitted and never come back.
//
//   npm run bench -- onsale                 5,000 fans
//   npm run bench -- onsale --full          20,000 fans
//   npm run bench -- onsale --fans=200      a smoke run
//   add --seed=N to replay the fans' choices, --publish to write docs/onsale-chart.svg,
//   --sign-in-share=S for the share of fans who sign in on arrival (default 0.1; the
//   others signed in before the sale and start at the line; 1: every fan signs in)
//
// Reported: tickets sold per minute and the time to sell out (against
// pretix's 300–400 per minute for one event), p50/p95/p99 and status codes per
// step, fairness (inversions between joining and admission order), polls and
// requests per fan, SQL statements per ticket sold, and the whole-database
// invariant check after the run. The chart goes to bench/results/.
import { setMaxListeners } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createUsers, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { countInvariantViolations } from "@/lib/testing/ledger";
import { stackedBoxes, type VenueSectionSpec } from "@/lib/venues/hall-layout";
import { REPO_ROOT } from "../../scripts/lib/settings.ts";
import { createBenchConcert, type BenchVenue } from "../lib/concert.ts";
import { sessionCookies } from "../lib/fans.ts";
import { OnSaleRun, runFan, type FanPlan, type Outcome, type Step } from "../lib/onsale-fan.ts";
import { renderChartSvg } from "../lib/onsale-chart.ts";
import { fairness, percentile, ratePerMinute, type AdmittedPlace } from "../lib/onsale-stats.ts";
import { fundWallets } from "../lib/payers.ts";
import type { BenchContext, ScenarioReport, ScenarioResult } from "../lib/context.ts";

const DEFAULT_FANS = 5_000;
const FULL_FANS = 20_000;
const RAMP_SECONDS = 60;
/** The rooms open this long into the ramp: the fans who came earlier are pre-queued and drawn at opening. */
const OPENS_AFTER_SECONDS = 10;
/** The run is cut off this long after the ramp, whatever is still going on. */
const MAX_SECONDS_AFTER_RAMP = 600;
/** After the cut-off every fan's waits and requests end at once; one still running this much later is not waited for. */
const GRACE_AFTER_CUT_OFF_MS = 15_000;
const ARENA_SHARE = 0.85;
/** Arena seats per fan: fewer than they want in all, so it sells out. */
const ARENA_SEATS_PER_FAN = 0.6;
const ARENA_SECTIONS = 6;
const ARENA_ROW_LENGTH = 25;
const ARENA_GRADES = [
  { grade: "VIP", price: 150_000 },
  { grade: "R", price: 110_000 },
  { grade: "S", price: 80_000 },
];
const FUNDED_SHARE = 0.5;
const FUNDED_BALANCE_WON = 500_000;
const ABANDON_SHARE = 0.05;
const WINDOW_RUNS_OUT_SHARE = 0.04;
/** 1, 2, 3 or 4 seats, with these weights. */
const SEATS_WANTED_WEIGHTS = [0.2, 0.5, 0.15, 0.15];
const USERS_PER_INSERT = 1_000;
/**
 * Fans who sign in when they arrive; the others signed in before the sale, as
 * ticketing sites ask them to, and start at the line. Every sign-in hashes a
 * password (scrypt, lib/auth/password.ts), which one process does a handful
 * of times a second on two cores: with every fan signing in during the
 * ramp, the run measures that and little else (docs/benchmarks.md, 01:31).
 */
const DEFAULT_SIGN_IN_SHARE = 0.1;
/** The chart's sales bars: tickets sold in each 10 s, as a rate per minute. */
const SALES_BUCKET_MS = 10_000;
const PRETIX_PER_MINUTE = "300–400";
const STEPS: Step[] = ["sign-in", "join", "poll", "dates", "sections", "seats", "hold", "charge", "pay", "leave"];

type Options = { fans: number; seed: number; publish: boolean; signInShare: number };

function readOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  const fans = Number(value("fans") ?? (argv.includes("--full") ? FULL_FANS : DEFAULT_FANS));
  if (!Number.isInteger(fans) || fans < 10) throw new Error("--fans must be a whole number of at least 10.");
  const seed = Number(value("seed") ?? Math.floor(Math.random() * 2 ** 31));
  const signInShare = Number(value("sign-in-share") ?? DEFAULT_SIGN_IN_SHARE);
  if (!(signInShare >= 0 && signInShare <= 1)) throw new Error("--sign-in-share must be a number from 0 to 1.");
  return { fans, seed, publish: argv.includes("--publish"), signInShare };
}

/** mulberry32: a small seeded generator, so a run's choices can be replayed with --seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An arena: ARENA_SECTIONS sections "A구역"… of rows of 25, grades front to back. */
function arenaVenue(seats: number): BenchVenue {
  const perSection = Math.ceil(seats / ARENA_SECTIONS);
  const rows = Math.ceil(perSection / ARENA_ROW_LENGTH);
  const boxes = stackedBoxes(Array.from({ length: ARENA_SECTIONS }, () => rows));
  const sections: VenueSectionSpec[] = boxes.map((box, index) => ({
    name: `${String.fromCharCode(65 + index)}구역`,
    grade: ARENA_GRADES[Math.floor((index * ARENA_GRADES.length) / ARENA_SECTIONS)]!.grade,
    rowLabels: Array.from({ length: rows }, (_, row) => String(row + 1)),
    rowLengths: Array.from({ length: rows }, (_, row) => Math.min(ARENA_ROW_LENGTH, perSection - row * ARENA_ROW_LENGTH)),
    aislesAfter: [],
    ...box,
  }));
  return { name: "벤치마크 아레나", sections, prices: Object.fromEntries(ARENA_GRADES.map(({ grade, price }) => [grade, price])) };
}

/** A room for an on-sale: a tenth of the fans admitted at once, opening OPENS_AFTER_SECONDS from now. */
async function openRoom(ctx: BenchContext, concertId: string, fans: number): Promise<void> {
  await ctx.db.$executeRaw`
    INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
    VALUES (${concertId}::uuid, ${Math.max(20, Math.round(fans / 10))}, ${Math.max(120, Math.round(fans / 2))}, 120, 20,
            now() + make_interval(secs => ${OPENS_AFTER_SECONDS}))`;
}

async function createFanAccounts(ctx: BenchContext, count: number): Promise<{ id: string; email: string }[]> {
  const accounts: { id: string; email: string }[] = [];
  for (let made = 0; made < count; made += USERS_PER_INSERT) {
    accounts.push(...(await createUsers(ctx.db, Math.min(USERS_PER_INSERT, count - made))));
  }
  return accounts;
}

function pick<T>(weights: readonly number[], values: readonly T[], random: () => number): T {
  let roll = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let index = 0; index < values.length; index++) {
    roll -= weights[index]!;
    if (roll < 0) return values[index]!;
  }
  return values.at(-1)!;
}

function planFans(
  accounts: { email: string; signedInCookie: string | null }[],
  concerts: { arena: string; hall: string },
  random: () => number,
): FanPlan[] {
  const arrivals = accounts.map(() => random() * RAMP_SECONDS * 1000).sort((a, b) => a - b);
  return accounts.map((account, index) => {
    const isArena = random() < ARENA_SHARE;
    return {
      email: account.email,
      password: TEST_PASSWORD,
      signedInCookie: account.signedInCookie,
      concertId: isArena ? concerts.arena : concerts.hall,
      isArena,
      arrivesAtMs: arrivals[index]!,
      seatsWanted: pick(SEATS_WANTED_WEIGHTS, [1, 2, 3, 4], random),
      abandonsAfterMs: random() < ABANDON_SHARE ? 5_000 + random() * 40_000 : null,
      letsWindowRunOut: random() < WINDOW_RUNS_OUT_SHARE,
      thinkMs: 500 + random() * 2_500,
      // Each fan's own generator: fans interleave differently from run to run, their choices do not.
      random: seededRandom(Math.floor(random() * 2 ** 32)),
    };
  });
}

/** Samples the line and the sales once a second while the fans run. */
function sampleEverySecond(run: OnSaleRun, opensAtMs: number) {
  const samples: { seconds: number; waiting: number; admitted: number }[] = [];
  const timer = setInterval(() => {
    samples.push({ seconds: Math.round((Date.now() - opensAtMs) / 1000), waiting: run.waiting, admitted: run.admitted });
  }, 1000);
  return { samples, stop: () => clearInterval(timer) };
}

function stepResult(run: OnSaleRun, step: Step, durationSeconds: number): ScenarioResult & { p95Ms: number } {
  const latencies = run.latencies.get(step) ?? [];
  const codes = Object.fromEntries(run.statusCodes.get(step) ?? []);
  const count = (from: number) => Object.entries(codes).filter(([code]) => Math.floor(Number(code) / 100) === from).reduce((sum, [, n]) => sum + n, 0);
  return {
    name: step,
    rps: latencies.length / durationSeconds,
    p50Ms: Math.round(percentile(latencies, 50)),
    p95Ms: Math.round(percentile(latencies, 95)),
    p99Ms: Math.round(percentile(latencies, 99)),
    requests: latencies.length,
    status2xx: count(2),
    status4xx: count(4),
    status5xx: count(5),
    errors: Object.entries(codes).filter(([code]) => code.startsWith("error")).reduce((sum, [, n]) => sum + n, 0),
    statusCodes: codes,
    connections: 0,
    durationSeconds,
  };
}

type ConcertSale = { title: string; seats: number; sold: number; soldOutAfterSeconds: number | null };

async function concertSale(ctx: BenchContext, concertId: string, title: string): Promise<ConcertSale> {
  const [row] = await ctx.db.$queryRaw<{ seats: bigint; sold: bigint; sold_out_after: number | null }[]>`
    SELECT count(*) AS seats,
           count(*) FILTER (WHERE r.status = 'CONFIRMED') AS sold,
           CASE WHEN count(*) = count(*) FILTER (WHERE r.status = 'CONFIRMED')
                THEN extract(epoch FROM max(pay.created_at) - (SELECT opens_at FROM waiting_rooms WHERE concert_id = ${concertId}::uuid))::float8
           END AS sold_out_after
    FROM seats s JOIN performances p ON p.id = s.performance_id
    LEFT JOIN reservations r ON r.seat_id = s.id AND r.status = 'CONFIRMED'
    LEFT JOIN payments pay ON pay.id = r.payment_id
    WHERE p.concert_id = ${concertId}::uuid`;
  return { title, seats: Number(row!.seats), sold: Number(row!.sold), soldOutAfterSeconds: row!.sold_out_after };
}

async function admittedPlaces(ctx: BenchContext, concertId: string): Promise<AdmittedPlace[]> {
  const rows = await ctx.db.$queryRaw<{ is_prequeued: boolean; joined_at_ms: number; ticket: bigint; admitted_at_ms: number }[]>`
    SELECT t.created_at < w.opens_at AS is_prequeued, (extract(epoch FROM t.created_at) * 1000)::float8 AS joined_at_ms,
           t.ticket, (extract(epoch FROM t.admitted_at) * 1000)::float8 AS admitted_at_ms
    FROM queue_tokens t JOIN waiting_rooms w ON w.concert_id = t.concert_id
    WHERE t.concert_id = ${concertId}::uuid AND t.admitted_at IS NOT NULL`;
  return rows.map((row) => ({ isPrequeued: row.is_prequeued, joinedAtMs: row.joined_at_ms, ticket: Number(row.ticket), admittedAtMs: row.admitted_at_ms }));
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "–");

export default async function onsale(ctx: BenchContext): Promise<ScenarioReport> {
  const options = readOptions(process.argv.slice(2));
  const random = seededRandom(options.seed);
  ctx.log(`${options.fans.toLocaleString("en-US")} fans, seed ${options.seed}; creating accounts and venues…`);
  const accounts = await createFanAccounts(ctx, options.fans);
  await fundWallets(ctx, accounts.filter(() => random() < FUNDED_SHARE).map((account) => account.id), FUNDED_BALANCE_WON);
  const arenaSeats = Math.max(ARENA_SECTIONS, Math.round(options.fans * ARENA_SEATS_PER_FAN));
  const arena = await createBenchConcert(ctx, { title: "온세일 벤치마크 아레나", performances: 1, venue: arenaVenue(arenaSeats), room: false });
  const hall = await createBenchConcert(ctx, { title: "온세일 벤치마크 소극장", performances: 1, room: false });
  const signsInOnArrival = accounts.map(() => random() < options.signInShare);
  const signedIn = accounts.filter((_, index) => !signsInOnArrival[index]);
  ctx.log(`Signing in ${signedIn.length.toLocaleString("en-US")} fans before the sale…`);
  const signedInCookies = await sessionCookies(ctx.db, signedIn.map((account) => account.id));
  const cookies = new Map(signedIn.map((account, index) => [account.id, signedInCookies[index]!]));
  const plans = planFans(
    accounts.map((account) => ({ email: account.email, signedInCookie: cookies.get(account.id) ?? null })),
    { arena: arena.concertId, hall: hall.concertId },
    random,
  );
  const reference = await ctx.measureReference({ connections: 20, durationSeconds: 3 });

  await openRoom(ctx, arena.concertId, Math.round(options.fans * ARENA_SHARE));
  await openRoom(ctx, hall.concertId, Math.round(options.fans * (1 - ARENA_SHARE)));
  const abort = new AbortController();
  // Every fan's waits and requests listen to it.
  setMaxListeners(0, abort.signal);
  const run = new OnSaleRun(ctx.baseUrl, abort.signal);
  const opensAtMs = run.startedAtMs + OPENS_AFTER_SECONDS * 1000;
  const cutOff = setTimeout(() => abort.abort(), (RAMP_SECONDS + MAX_SECONDS_AFTER_RAMP) * 1000);
  const sampler = sampleEverySecond(run, opensAtMs);
  ctx.log(`Fans arrive over ${RAMP_SECONDS} s; the rooms open after ${OPENS_AFTER_SECONDS} s…`);
  const progress = setInterval(
    () => ctx.log(`  ${Math.round((Date.now() - run.startedAtMs) / 1000)} s: ${run.waiting} waiting, ${run.admitted} admitted, ` +
      `${run.sales.reduce((sum, sale) => sum + sale.count, 0)} tickets sold`),
    10_000,
  );
  // A run of 2026-11-30 never ended: after the cut-off one fan's promise never settled, with no
  // request open and the server idle. Such a fan is counted and the report still comes out.
  const stuck = new Promise<Outcome>((resolve) =>
    abort.signal.addEventListener("abort", () => setTimeout(() => resolve("stuck after the cut-off"), GRACE_AFTER_CUT_OFF_MS), { once: true }),
  );
  const statements = await ctx.countQueries(() =>
    Promise.all(plans.map(async (plan) => run.finish(await Promise.race([runFan(run, plan).catch((): Outcome => "gave up (errors)"), stuck])))),
  );
  const durationSeconds = (Date.now() - run.startedAtMs) / 1000;
  clearTimeout(cutOff);
  clearInterval(progress);
  sampler.stop();

  const sales = [await concertSale(ctx, arena.concertId, "arena"), await concertSale(ctx, hall.concertId, "hall")];
  const ticketsSold = sales.reduce((sum, sale) => sum + sale.sold, 0);
  const fair = { arena: fairness(await admittedPlaces(ctx, arena.concertId)), hall: fairness(await admittedPlaces(ctx, hall.concertId)) };
  const violations = await countInvariantViolations(ctx.db);
  const totalViolations = Object.values(violations).reduce((sum, count) => sum + count, 0);

  const lastSampleMs = Math.max(0, ...sampler.samples.map((sample) => sample.seconds)) * 1000;
  const perMinute = ratePerMinute(
    run.sales.map((sale) => ({ atMs: sale.atMs + run.startedAtMs - opensAtMs, count: sale.count })),
    { startMs: 0, endMs: lastSampleMs, bucketMs: SALES_BUCKET_MS },
  );
  const firstMinutes = ratePerMinute(
    run.sales.map((sale) => ({ atMs: sale.atMs + run.startedAtMs - opensAtMs, count: sale.count })),
    { startMs: 0, endMs: Math.max(60_000, lastSampleMs), bucketMs: 60_000 },
  );
  const svg = await renderChartSvg({
    title: `온세일 시뮬레이션: 팬 ${options.fans.toLocaleString("ko-KR")}명, 아레나 ${arenaSeats.toLocaleString("ko-KR")}석 + 소극장 50석`,
    sales: perMinute,
    bucketSeconds: SALES_BUCKET_MS / 1000,
    line: sampler.samples,
  });
  const stamp = new Date(run.startedAtMs).toISOString().replaceAll(":", "-").replace(/\.\d+Z$/, "Z");
  const chartFile = path.join(REPO_ROOT, "bench", "results", `onsale-${stamp}.svg`);
  mkdirSync(path.dirname(chartFile), { recursive: true });
  writeFileSync(chartFile, svg);
  if (options.publish) writeFileSync(path.join(REPO_ROOT, "docs", "onsale-chart.svg"), svg);

  const results = STEPS.map((step) => stepResult(run, step, durationSeconds)).filter((result) => result.requests > 0);
  const joined = run.statusCodes.get("join")?.get("201") ?? 0;
  const polls = run.latencies.get("poll")?.length ?? 0;
  const unexpected5xx = results.reduce((sum, result) => sum + result.status5xx, 0) - (run.statusCodes.get("sign-in")?.get("503") ?? 0);
  const outcomes = [...run.outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${outcome} ${count}`).join(", ");
  const sellOut = sales
    .map((sale) => `${sale.title} ${sale.sold}/${sale.seats} sold` + (sale.soldOutAfterSeconds === null ? " (not sold out)" : `, sold out ${sale.soldOutAfterSeconds.toFixed(1)} s after opening`))
    .join("; ");
  return {
    reference,
    results,
    notes: [
      `${options.fans} fans (seed ${options.seed}) over a ${RAMP_SECONDS} s ramp, ${signedIn.length} of them signed in before the sale ` +
        `(--sign-in-share=${options.signInShare}); rooms open at ${OPENS_AFTER_SECONDS} s; run ${durationSeconds.toFixed(0)} s; outcomes: ${outcomes}`,
      `${sellOut}`,
      `tickets sold per minute from opening: ${firstMinutes.map((minute) => Math.round(minute.perMinute)).join(", ")} (pretix: ${PRETIX_PER_MINUTE} per event); peak 10 s bucket ${Math.round(Math.max(0, ...perMinute.map((bucket) => bucket.perMinute)))}/min`,
      `p50 / p95 / p99 ms: ${results.map((result) => `${result.name} ${ms(result.p50Ms)}/${ms(result.p95Ms)}/${ms(result.p99Ms)}`).join("; ")}`,
      `status codes: ${results.map((result) => `${result.name} ${JSON.stringify(result.statusCodes)}`).join("; ")}`,
      `5xx other than sign-in's load shedding (503 + Retry-After, retried): ${unexpected5xx}; the sections endpoint ` +
        (run.sectionsAnswer === false ? "is not built yet (404): arena fans read the full seat list" : run.sectionsAnswer ? "answered" : "was not asked"),
      `fairness (inversions between joining and admission order): arena ${fair.arena.inversionsOutsideDraw} outside the pre-queue draw ` +
        `(${fair.arena.prequeueDrawInversions} within it) of ${fair.arena.admitted} admitted; hall ${fair.hall.inversionsOutsideDraw} (${fair.hall.prequeueDrawInversions}) of ${fair.hall.admitted}`,
      `polls per fan ${(polls / Math.max(1, joined)).toFixed(1)}; origin requests per fan ${(run.requests / options.fans).toFixed(1)}; ` +
        `SQL statements per ticket sold ${(statements / Math.max(1, ticketsSold)).toFixed(1)} (${statements} over the run, pg_stat_statements, every client)`,
      `invariant violations after the run: ${totalViolations} ${JSON.stringify(violations)}`,
      `chart: ${path.relative(REPO_ROOT, chartFile)}${options.publish ? " and docs/onsale-chart.svg" : ""}`,
    ],
    extra: {
      options,
      sales,
      fairness: fair,
      outcomes: Object.fromEntries(run.outcomes),
      ticketsPerMinute: firstMinutes,
      ticketsPerMinuteBy10s: perMinute,
      line: sampler.samples,
      statements,
      requests: run.requests,
      invariantViolations: violations,
    } satisfies Record<string, unknown>,
  };
}
