// A sign-in storm: 1,000 connections sending sign-ins back to back (half with
// the right password, half wrong, each answer followed at once by the next
// attempt, as fans retrying wildly), while /api/health (asking for gzip, which
// shares libuv's thread pool with scrypt) and the waiting-room poll are
// measured; the same two measured without the storm in alternating rounds.
// Target: health and poll p99 with the storm ≤ 2× without.
import { createUsers, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { admitToConcert, createBenchConcert } from "../lib/concert.ts";
import { measureInChild } from "../lib/load-in-child.ts";
import { combineRounds } from "../lib/measure.ts";
import type { BenchContext, BenchRequest, Measurement, ScenarioReport } from "../lib/context.ts";

const STORM_CONNECTIONS = 1_000;
const SIGN_IN_FANS = 1_000;
const POLLING_FANS = 200;
const MEASURED_CONNECTIONS = 5;
const ROUND_SECONDS = 6;
/** The storm is under way this long before the measured requests start, and runs past their end. */
const STORM_LEAD_SECONDS = 1;
const ROUNDS = 3;

type Round = { health: Measurement; poll: Measurement; storm?: Measurement };

async function signInRequests(ctx: BenchContext): Promise<BenchRequest[]> {
  const users = await createUsers(ctx.db, SIGN_IN_FANS);
  return users.map((user, index) => ({
    path: "/api/auth/sign-in",
    method: "POST",
    body: { email: user.email, password: index % 2 === 0 ? TEST_PASSWORD : "not the password" },
  }));
}

async function pollRequests(ctx: BenchContext): Promise<BenchRequest[]> {
  const { concertId } = await createBenchConcert(ctx, { title: "폭주 벤치마크", performances: 1 });
  const fans = await ctx.createFans(POLLING_FANS);
  const tokens = await admitToConcert(ctx, concertId, fans);
  return fans.map((fan) => ({ path: "/api/queue/status", headers: { "x-queue-token": tokens.get(fan.id)! } }));
}

async function measureRound(ctx: BenchContext, polls: BenchRequest[], signIns: BenchRequest[] | null): Promise<Round> {
  const storm = signIns
    ? measureInChild(ctx.baseUrl, {
        name: "POST sign-in (storm)",
        requests: signIns,
        connections: STORM_CONNECTIONS,
        durationSeconds: ROUND_SECONDS + 2 * STORM_LEAD_SECONDS,
        warmupSeconds: 0,
      })
    : undefined;
  if (storm) await new Promise((resolve) => setTimeout(resolve, STORM_LEAD_SECONDS * 1000));
  const shape = { connections: MEASURED_CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 };
  const [health, poll] = await Promise.all([
    ctx.measure({ name: "health", path: "/api/health", headers: { "accept-encoding": "gzip" }, ...shape }),
    ctx.measure({ name: "poll", requests: polls, ...shape }),
  ]);
  return { health, poll, storm: await storm };
}

const count = (measurement: Measurement, ...codes: string[]) =>
  codes.reduce((total, code) => total + (measurement.statusCodes[code] ?? 0), 0);

export default async function storm(ctx: BenchContext): Promise<ScenarioReport> {
  const signIns = await signInRequests(ctx);
  const polls = await pollRequests(ctx);
  await ctx.measure({ name: "warm-up", requests: polls, connections: MEASURED_CONNECTIONS, durationSeconds: 2, warmupSeconds: 0 });

  const reference = await ctx.measureReference({ connections: MEASURED_CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 });
  const quiet: Round[] = [];
  const stormy: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    quiet.push(await measureRound(ctx, polls, null));
    stormy.push(await measureRound(ctx, polls, signIns));
  }
  quiet.push(await measureRound(ctx, polls, null));

  const combine = (name: string, rounds: Round[], pick: (round: Round) => Measurement) => combineRounds(name, rounds.map(pick));
  const healthQuiet = combine("GET /api/health (gzip), no storm", quiet, (round) => round.health);
  const healthStorm = combine("GET /api/health (gzip), during the storm", stormy, (round) => round.health);
  const pollQuiet = combine("GET /api/queue/status, no storm", quiet, (round) => round.poll);
  const pollStorm = combine("GET /api/queue/status, during the storm", stormy, (round) => round.poll);
  const signInStorm = combine(`POST /api/auth/sign-in, ${STORM_CONNECTIONS} connections`, stormy, (round) => round.storm!);
  const answered = count(signInStorm, "200", "401", "429");
  const shed = count(signInStorm, "503");
  const signInsPerSecond = answered / signInStorm.durationSeconds;
  const healthRatio = healthStorm.p99Ms / healthQuiet.p99Ms;
  const pollRatio = pollStorm.p99Ms / pollQuiet.p99Ms;
  const budget = ["SIGN_IN_HASH_CONCURRENCY", "SIGN_IN_HASH_QUEUE", "HASH_MAX_WAIT_MS", "UV_THREADPOOL_SIZE"]
    .map((name) => `${name}=${process.env[name] ?? "default"}`).join(", ");

  return {
    reference,
    results: [healthQuiet, healthStorm, pollQuiet, pollStorm, signInStorm],
    notes: [
      `storm: ${STORM_CONNECTIONS} connections sending sign-ins back to back (${SIGN_IN_FANS} fans, half with a wrong password), ` +
        `from a process of its own; ${ROUNDS} storm rounds of ${ROUND_SECONDS} s between ${ROUNDS + 1} quiet ones; budget: ${budget}`,
      `sign-ins answered (200/401/429): ${answered} = ${signInsPerSecond.toFixed(1)}/s; shed with 503: ${shed}; ` +
        `other: ${signInStorm.requests - answered - shed} (connection errors/timeouts ${signInStorm.errors})`,
      `p99 with the storm / without: health ${healthRatio.toFixed(2)}× (${healthStorm.p99Ms} / ${healthQuiet.p99Ms} ms), ` +
        `poll ${pollRatio.toFixed(2)}× (${pollStorm.p99Ms} / ${pollQuiet.p99Ms} ms); target ≤ 2×`,
      `p99 is the worst round's; ${MEASURED_CONNECTIONS} connections each for health and poll, measured at the same time`,
    ],
    extra: { answered, shed, signInsPerSecond, healthRatio, pollRatio, statusCodes: signInStorm.statusCodes },
  };
}
