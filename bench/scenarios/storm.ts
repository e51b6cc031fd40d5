// Sign-in storms of 80, 200 and 1,000 connections sending sign-ins back to
// back (half with the right password, half wrong, each answer followed at once
// by the next attempt, as fans retrying wildly), while /api/health (asking for
// gzip, which shares libuv's thread pool with scrypt) and the waiting-room poll
// are measured; the same two measured without a storm in rounds between them,
// each storm size read against the quiet rounds around its own.
// Target: health and poll p99 with the storm ≤ 2× without. 80 and 200 are the
// storms issue 11 was filed with; 1,000 is far past them.
//
// The measured lines are probes with connections of their own, opened and
// busy before the storm starts and kept until it ends; only the requests sent
// in the middle of the storm count. (Lines started by autocannon once the
// storm was under way got no connection accepted within a round on an idle
// machine, and reported nothing.)
import os from "node:os";
import { createUsers, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { admitToConcert, createBenchConcert } from "../lib/concert.ts";
import { loadInChild } from "../lib/load-in-child.ts";
import { combineRounds } from "../lib/measure.ts";
import { startProbe, summarizeWindow } from "../lib/probe.ts";
import { REFERENCE_PATH, type BenchContext, type BenchRequest, type Measurement, type ScenarioReport } from "../lib/context.ts";

/** Connections of each storm size, smallest first; `--storm-sizes=80,200` picks others. */
const DEFAULT_STORM_SIZES = [80, 200, 1_000];
const SIGN_IN_FANS = 1_000;
const POLLING_FANS = 200;
const MEASURED_CONNECTIONS = 5;
const ROUND_SECONDS = 6;
/** The storm is under way this long before the measured requests start, and runs past their end. */
const STORM_LEAD_SECONDS = 1;
/** The probes' connections are open and answering this long before a storm is started. */
const PROBE_LEAD_SECONDS = 1;
/** Storm rounds of each size, each followed by a quiet round. */
const ROUNDS_PER_SIZE = 2;
/** Longest wait for the server to work off a storm before the next round. */
const DRAIN_LIMIT_SECONDS = 120;
const HEALTH: BenchRequest = { path: "/api/health", headers: { "accept-encoding": "gzip" } };

type Round = { health: Measurement; poll: Measurement; storm?: Measurement };
/** A storm size's rounds, and the quiet rounds just before, between and after them, which its ratios are read against. */
type StormSize = { connections: number; rounds: Round[]; quiet: Round[]; drainSeconds: number[] };

function stormSizes(): number[] {
  const option = process.argv.find((arg) => arg.startsWith("--storm-sizes="));
  if (!option) return DEFAULT_STORM_SIZES;
  const sizes = option.slice("--storm-sizes=".length).split(",").map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--storm-sizes wants whole numbers: ${option}`);
  return sizes;
}

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

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Sends one request to the reference route and times its answer. */
async function timeReference(ctx: BenchContext): Promise<number> {
  const sentAt = performance.now();
  await (await fetch(`${ctx.baseUrl}${REFERENCE_PATH}`)).arrayBuffer();
  return performance.now() - sentAt;
}

/** The median of a few reference requests sent one at a time: the server's answer time when nothing is queued. */
async function idleAnswerMs(ctx: BenchContext): Promise<number> {
  const times: number[] = [];
  for (let sent = 0; sent < 5; sent++) times.push(await timeReference(ctx));
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * Waits until the server has worked off what the storm left queued: a closed
 * connection does not take back a request it already sent, so the server keeps
 * answering the storm for a while after it ends, and a quiet round started at
 * once would measure that. Returns the seconds it took.
 */
async function waitUntilDrained(ctx: BenchContext, idleMs: number): Promise<number> {
  const startedAt = performance.now();
  let quickInARow = 0;
  while (quickInARow < 3 && performance.now() - startedAt < DRAIN_LIMIT_SECONDS * 1000) {
    quickInARow = (await timeReference(ctx)) <= 3 * idleMs + 10 ? quickInARow + 1 : 0;
  }
  return (performance.now() - startedAt) / 1000;
}

/** Health and poll probed through a round; with `signIns`, a storm of `connections` from another process in its middle. */
async function measureRound(ctx: BenchContext, polls: BenchRequest[], signIns: BenchRequest[] | null, connections = 0): Promise<Round> {
  const health = startProbe(ctx.baseUrl, [HEALTH], MEASURED_CONNECTIONS);
  const poll = startProbe(ctx.baseUrl, polls, MEASURED_CONNECTIONS);
  await pause(PROBE_LEAD_SECONDS);
  const storm = signIns
    ? loadInChild(ctx.baseUrl, {
        name: "POST sign-in (storm)",
        requests: signIns,
        connections,
        durationSeconds: ROUND_SECONDS + 2 * STORM_LEAD_SECONDS,
        warmupSeconds: 0,
      })
    : undefined;
  await storm?.started;
  const from = performance.now() + STORM_LEAD_SECONDS * 1000;
  const to = from + ROUND_SECONDS * 1000;
  await pause(2 * STORM_LEAD_SECONDS + ROUND_SECONDS);
  const stormResult = await storm?.result;
  const [healthSamples, pollSamples] = await Promise.all([health.stop(), poll.stop()]);
  return {
    health: summarizeWindow("health", healthSamples, from, to, MEASURED_CONNECTIONS),
    poll: summarizeWindow("poll", pollSamples, from, to, MEASURED_CONNECTIONS),
    storm: stormResult,
  };
}

const count = (measurement: Measurement, ...codes: string[]) =>
  codes.reduce((total, code) => total + (measurement.statusCodes[code] ?? 0), 0);

const perRound = (rounds: Round[], pick: (round: Round) => Measurement) => rounds.map((round) => pick(round).p99Ms).join(" / ");

const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(" / ");

const verdict = (ratio: number) => (Number.isNaN(ratio) ? "NOT MEASURED" : ratio <= 2 ? "within 2×" : "OVER 2×");

/** What one storm size did: its measured lines and the notes that read them against the quiet rounds. */
function reportSize(size: StormSize) {
  const combine = (name: string, pick: (round: Round) => Measurement, rounds = size.rounds) => combineRounds(name, rounds.map(pick));
  const healthQuiet = combine("health, the quiet rounds around these storms", (round) => round.health, size.quiet);
  const pollQuiet = combine("poll, the quiet rounds around these storms", (round) => round.poll, size.quiet);
  const healthStorm = combine(`GET /api/health (gzip), storm of ${size.connections}`, (round) => round.health);
  const pollStorm = combine(`GET /api/queue/status, storm of ${size.connections}`, (round) => round.poll);
  const signInStorm = combine(`POST /api/auth/sign-in, ${size.connections} connections`, (round) => round.storm!);
  const hashed = count(signInStorm, "200", "401");
  const throttled = count(signInStorm, "429");
  const shed = count(signInStorm, "503");
  const seconds = signInStorm.durationSeconds;
  const other = signInStorm.requests - hashed - throttled - shed;
  const healthRatio = healthStorm.p99Ms / healthQuiet.p99Ms;
  const pollRatio = pollStorm.p99Ms / pollQuiet.p99Ms;
  const figures = {
    connections: size.connections,
    hashed,
    throttled,
    shed,
    signInsPerSecond: (hashed + throttled) / seconds,
    hashedPerSecond: hashed / seconds,
    healthRatio,
    pollRatio,
    drainSeconds: size.drainSeconds,
    statusCodes: signInStorm.statusCodes,
  };
  const notes = [
    `STORM OF ${size.connections}: HEALTH p99 ${healthQuiet.p99Ms} → ${healthStorm.p99Ms} ms = ${healthRatio.toFixed(2)}× (${verdict(healthRatio)}), ` +
      `POLL p99 ${pollQuiet.p99Ms} → ${pollStorm.p99Ms} ms = ${pollRatio.toFixed(2)}× (${verdict(pollRatio)}); ` +
      `sign-ins answered ${figures.signInsPerSecond.toFixed(1)}/s (200 ${count(signInStorm, "200")}, 401 ${count(signInStorm, "401")}, ` +
      `429 ${throttled} over ${seconds.toFixed(0)} s), hashed ${figures.hashedPerSecond.toFixed(1)}/s, SHED ${shed} × 503, ` +
      `other ${other}, connection errors/timeouts ${signInStorm.errors}, sign-in p99 ${signInStorm.p99Ms} ms`,
    `  p99 per round (ms), quiet | storm: health ${perRound(size.quiet, (round) => round.health)} | ${perRound(size.rounds, (round) => round.health)}, ` +
      `poll ${perRound(size.quiet, (round) => round.poll)} | ${perRound(size.rounds, (round) => round.poll)}; ` +
      `health/poll answers during the storms ${healthStorm.requests}/${pollStorm.requests}, errors ${healthStorm.errors}/${pollStorm.errors}; ` +
      `backlog worked off in ${size.drainSeconds.map((drain) => drain.toFixed(1)).join(", ")} s`,
  ];
  return { results: [healthStorm, pollStorm, signInStorm], notes, figures };
}

export default async function storm(ctx: BenchContext): Promise<ScenarioReport> {
  const signIns = await signInRequests(ctx);
  const polls = await pollRequests(ctx);
  await ctx.measure({ name: "warm-up", requests: polls, connections: MEASURED_CONNECTIONS, durationSeconds: 2, warmupSeconds: 0 });

  const loadBefore = loadAverage();
  const reference = await ctx.measureReference({ connections: MEASURED_CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 });
  const idleMs = await idleAnswerMs(ctx);
  const quiet: Round[] = [await measureRound(ctx, polls, null)];
  const sizes: StormSize[] = [];
  for (const connections of stormSizes()) {
    const size: StormSize = { connections, rounds: [], quiet: [quiet.at(-1)!], drainSeconds: [] };
    for (let round = 0; round < ROUNDS_PER_SIZE; round++) {
      size.rounds.push(await measureRound(ctx, polls, signIns, connections));
      size.drainSeconds.push(await waitUntilDrained(ctx, idleMs));
      quiet.push(await measureRound(ctx, polls, null));
      size.quiet.push(quiet.at(-1)!);
      ctx.log(`storm of ${connections}, round ${round + 1} of ${ROUNDS_PER_SIZE} done; backlog worked off in ${size.drainSeconds.at(-1)!.toFixed(1)} s`);
    }
    sizes.push(size);
  }
  const loadAfter = loadAverage();

  const healthQuiet = combineRounds("GET /api/health (gzip), no storm", quiet.map((round) => round.health));
  const pollQuiet = combineRounds("GET /api/queue/status, no storm", quiet.map((round) => round.poll));
  const reports = sizes.map(reportSize);
  const budget = ["SIGN_IN_HASH_CONCURRENCY", "SIGN_IN_HASH_QUEUE", "HASH_MAX_WAIT_MS"]
    .map((name) => `${name}=${process.env[name] ?? "default"}`).join(", ");

  return {
    reference,
    results: [healthQuiet, pollQuiet, ...reports.flatMap((report) => report.results)],
    notes: [
      `storms of ${sizes.map((size) => size.connections).join(", ")} connections sending sign-ins back to back ` +
        `(${SIGN_IN_FANS} fans, half with a wrong password; the next attempt as soon as an answer arrives, Retry-After ignored), ` +
        `from a process of their own; ${ROUNDS_PER_SIZE} rounds of ${ROUND_SECONDS + 2 * STORM_LEAD_SECONDS} s per size, ` +
        `each followed by a quiet round; budget: ${budget}`,
      `load average (1 / 5 / 15 min) before ${loadBefore}, after ${loadAfter} on ${os.cpus().length} CPUs`,
      `WITHOUT A STORM: health p99 ${healthQuiet.p99Ms} ms, poll p99 ${pollQuiet.p99Ms} ms (the worst of ${quiet.length} quiet rounds: ` +
        `health ${perRound(quiet, (round) => round.health)}, poll ${perRound(quiet, (round) => round.poll)}); ` +
        `each storm size is read against the worst of the quiet rounds just before, between and after its own rounds`,
      ...reports.flatMap((report) => report.notes),
      `each storm is followed by a wait until the reference answers as when idle (${idleMs.toFixed(0)} ms) three times in a row ` +
        `(the server still answers requests a storm sent before it stopped); p99 is the worst round's; health and poll are probed by ` +
        `${MEASURED_CONNECTIONS} keep-alive connections each, counting the requests sent in the middle ${ROUND_SECONDS} s of each round`,
    ],
    extra: { idleMs, loadBefore, loadAfter, sizes: reports.map((report) => report.figures) },
  };
}
