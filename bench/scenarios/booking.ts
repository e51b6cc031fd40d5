// Booking against the reference route: the seat map, holds of distinct seats
// next to the hold route's floor (the same request refused before any booking
// work), and the same-seat storm (1,000 fans at once for one seat: exactly one
// wins).
//
// Fans are real: genuine sessions and sealed queue tokens of admitted places,
// written in bulk, so every request passes the same guard as in production.
import type { BenchContext, BenchFan, BenchRequest, Measurement, MeasureOptions, ScenarioReport } from "../lib/context.ts";
import { admitToConcert, createBenchConcert, SEATS_PER_PERFORMANCE } from "../lib/concert.ts";
import { benchCpuSources, CpuTally } from "../lib/cpu-time.ts";
import { combineRounds } from "../lib/measure.ts";

const CONNECTIONS = 20;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const LISTING_FANS = 200;
const WARMUP_HOLDS = 500;
const HOLDS_PER_ROUND = 1_500;
const MEASURED_HOLDS = ROUNDS * HOLDS_PER_ROUND;
const STORM_FANS = 1_000;
const QUERY_SAMPLE_REQUESTS = 20;

type AdmittedFan = BenchFan & { headers: Record<string, string> };

/** New fans, each with a session and an admitted, claimed place in the concert's line. */
async function admitFans(ctx: BenchContext, concertId: string, count: number): Promise<AdmittedFan[]> {
  const fans = await ctx.createFans(count);
  const tokenByUser = await admitToConcert(ctx, concertId, fans);
  return fans.map((fan) => ({ ...fan, headers: { cookie: fan.cookie, "x-queue-token": tokenByUser.get(fan.id)! } }));
}

async function seatIdsOf(ctx: BenchContext, performanceIds: string[]): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM seats s JOIN unnest(${performanceIds}::uuid[]) WITH ORDINALITY AS p(id, n) ON p.id = s.performance_id
    ORDER BY p.n, s.number`;
  return rows.map((row) => row.id);
}

/** One hold request per seat, each by its own fan, so holds never meet a limit or a rival. */
function holdRequests(fans: AdmittedFan[], seats: { performanceId: string; seatId: string }[]): BenchRequest[] {
  return seats.map((seat, index) => ({
    path: "/api/reservations",
    method: "POST",
    headers: fans[index]!.headers,
    body: { performanceId: seat.performanceId, seatIds: [seat.seatId] },
  }));
}

async function sendSequentially(ctx: BenchContext, requests: BenchRequest[], expectedStatus: number): Promise<void> {
  for (const request of requests) {
    const response = await fetch(`${ctx.baseUrl}${request.path}`, {
      method: request.method ?? "GET",
      headers: { ...request.headers, ...(request.body ? { "content-type": "application/json" } : {}) },
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
    if (response.status !== expectedStatus) throw new Error(`${request.path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
}

/** A measurement, and how many SQL statements the database ran while it went on. */
async function measureCountingStatements(ctx: BenchContext, options: MeasureOptions): Promise<{ measurement: Measurement; statements: number }> {
  let measurement: Measurement | undefined;
  const statements = await ctx.countQueries(async () => (measurement = await ctx.measure(options)));
  return { measurement: measurement!, statements };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! : 0;
}

/** Every storm fan asks for the same seat at the same moment; latencies are taken per request. */
async function sameSeatStorm(ctx: BenchContext, fans: AdmittedFan[], performanceId: string, seatId: string) {
  const startedAt = performance.now();
  const outcomes = await Promise.all(
    fans.map(async (fan) => {
      const sentAt = performance.now();
      try {
        const response = await fetch(`${ctx.baseUrl}/api/reservations`, {
          method: "POST",
          headers: { ...fan.headers, "content-type": "application/json" },
          body: JSON.stringify({ performanceId, seatIds: [seatId] }),
        });
        const body = (await response.json()) as { error?: { code: string } };
        return { status: response.status, code: body.error?.code, ms: performance.now() - sentAt };
      } catch (error) {
        // Why the request got no answer (e.g. ECONNRESET, UND_ERR_CONNECT_TIMEOUT), for the invariant report.
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return { status: 0, code: `NETWORK ${cause?.code ?? cause?.message ?? String(error)}`, ms: performance.now() - sentAt };
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const losers = outcomes.filter((outcome) => outcome.status === 409).map((outcome) => outcome.ms).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const outcome of outcomes) statusCodes[outcome.status] = (statusCodes[outcome.status] ?? 0) + 1;
  const [live] = await ctx.db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM reservations WHERE seat_id = ${seatId}::uuid AND status IN ('HELD', 'CONFIRMED')`;
  const measurement: Measurement = {
    name: `same-seat storm (${fans.length} at once; p50/p99 of the 409s)`,
    rps: outcomes.length / seconds,
    p50Ms: percentile(losers, 0.5),
    p99Ms: percentile(losers, 0.99),
    requests: outcomes.length,
    status2xx: outcomes.filter((outcome) => outcome.status >= 200 && outcome.status < 300).length,
    status4xx: outcomes.filter((outcome) => outcome.status >= 400 && outcome.status < 500).length,
    status5xx: outcomes.filter((outcome) => outcome.status >= 500).length,
    errors: outcomes.filter((outcome) => outcome.status === 0).length,
    statusCodes,
    connections: fans.length,
    durationSeconds: seconds,
  };
  const isExactlyOneWinner = statusCodes["201"] === 1 && live!.count === 1;
  const isEveryLoserUnavailable = outcomes.every((outcome) => outcome.status === 201 || outcome.code === "SEAT_UNAVAILABLE");
  const unanswered = outcomes.filter((outcome) => outcome.status === 0).map((outcome) => outcome.code);
  return { measurement, isExactlyOneWinner, isEveryLoserUnavailable, liveRows: live!.count, unanswered };
}

export default async function booking(ctx: BenchContext): Promise<ScenarioReport> {
  const holdSeats = WARMUP_HOLDS + MEASURED_HOLDS + QUERY_SAMPLE_REQUESTS;
  const performances = Math.ceil(holdSeats / SEATS_PER_PERFORMANCE) + 2;
  ctx.log(`Preparing ${performances} dates, ${LISTING_FANS + holdSeats + STORM_FANS} admitted fans…`);
  const { concertId, performanceIds } = await createBenchConcert(ctx, { title: "예매 벤치마크", performances });
  const [listingPerformance, stormPerformance, ...holdPerformances] = performanceIds as [string, string, ...string[]];
  const listingFans = await admitFans(ctx, concertId, LISTING_FANS);
  const holdingFans = await admitFans(ctx, concertId, holdSeats);
  const stormFans = await admitFans(ctx, concertId, STORM_FANS);
  // The hold route's floor: each request by a fan the server has not seen, refused at body validation after
  // the session check, so it costs what every hold costs before any booking work.
  const floorFans = await ctx.createFans(MEASURED_HOLDS);
  const floorRequests: BenchRequest[] = floorFans.map((fan) => ({
    path: "/api/reservations",
    method: "POST",
    headers: { cookie: fan.cookie },
    body: { performanceId: holdPerformances[0], seatIds: [] },
  }));
  const holdSeatIds = (await seatIdsOf(ctx, holdPerformances)).slice(0, holdSeats);
  const seatPerformance = (index: number) => holdPerformances[Math.floor(index / SEATS_PER_PERFORMANCE)]!;
  const holds = holdRequests(holdingFans, holdSeatIds.map((seatId, index) => ({ performanceId: seatPerformance(index), seatId })));
  const listings: BenchRequest[] = listingFans.map((fan) => ({ path: `/api/performances/${listingPerformance}/seats`, headers: fan.headers }));
  const sessionChecks: BenchRequest[] = listingFans.map((fan) => ({ path: "/api/me", headers: { cookie: fan.cookie } }));
  // Some seats of the listed date are held, as on a busy map.
  const listedSeats = (await seatIdsOf(ctx, [listingPerformance])).slice(0, 10);
  await sendSequentially(ctx, holdRequests(listingFans.slice(0, 10), listedSeats.map((seatId) => ({ performanceId: listingPerformance, seatId }))), 201);
  await ctx.measure({ name: "holds (warm-up)", requests: holds.slice(0, WARMUP_HOLDS), amount: WARMUP_HOLDS, connections: CONNECTIONS, warmupSeconds: 0 });

  // Rounds with the reference before each, so every ratio compares like with like on a shared machine.
  const rounds: Record<"reference" | "session" | "seatMap" | "floor" | "holds", Measurement[]> = { reference: [], session: [], seatMap: [], floor: [], holds: [] };
  const roundRatios: string[] = [];
  const statementsUnderLoad = { seatMap: 0, holds: 0 };
  const cpuSources = benchCpuSources(ctx.baseUrl);
  const cpu = { reference: new CpuTally(cpuSources), floor: new CpuTally(cpuSources), holds: new CpuTally(cpuSources) };
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts from vacuumed tables: autovacuum would otherwise start on the rows the
    // set-up or the last round wrote, in the middle of some measurement, and take its CPU.
    await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
    const reference = await cpu.reference.measure(() => ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    const session = await ctx.measure({ name: "session", requests: sessionChecks, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS });
    const seatMapRound = await measureCountingStatements(ctx, { name: "seat map", requests: listings, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS });
    const seatMap = seatMapRound.measurement;
    const floor = await cpu.floor.measure(() => ctx.measure({ name: "hold floor", requests: floorRequests.slice(round * HOLDS_PER_ROUND, (round + 1) * HOLDS_PER_ROUND), amount: HOLDS_PER_ROUND, connections: CONNECTIONS, warmupSeconds: 0 }));
    const start = WARMUP_HOLDS + round * HOLDS_PER_ROUND;
    const holdsRound = await cpu.holds.measure(async () => {
      const counted = await measureCountingStatements(ctx, { name: "holds", requests: holds.slice(start, start + HOLDS_PER_ROUND), amount: HOLDS_PER_ROUND, connections: CONNECTIONS, warmupSeconds: 0 });
      return { ...counted, requests: counted.measurement.requests };
    });
    const holdRound = holdsRound.measurement;
    statementsUnderLoad.seatMap += seatMapRound.statements;
    statementsUnderLoad.holds += holdsRound.statements;
    rounds.reference.push(reference);
    rounds.session.push(session);
    rounds.seatMap.push(seatMap);
    rounds.floor.push(floor);
    rounds.holds.push(holdRound);
    const ratio = (measurement: Measurement) => (measurement.rps / reference.rps).toFixed(2);
    roundRatios.push(`round ${round + 1}: session ${ratio(session)}, seat map ${ratio(seatMap)}, hold floor ${ratio(floor)}, holds ${ratio(holdRound)}`);
    ctx.log(`${roundRatios.at(-1)} (reference ${reference.rps.toFixed(0)} rps)`); // kept even if an invariant fails below
  }
  const reference = combineRounds("noop", rounds.reference);
  const sessionOnly = combineRounds("GET /api/me (session check only)", rounds.session);
  const seatMap = combineRounds("GET /api/performances/{id}/seats (50 seats)", rounds.seatMap);
  const holdFloor = combineRounds("POST /api/reservations refused at validation (new fan each)", rounds.floor);
  const holdResult = combineRounds("POST /api/reservations (1 distinct seat)", rounds.holds);
  const listingQueries = await ctx.countQueries(() => sendSequentially(ctx, listings.slice(0, QUERY_SAMPLE_REQUESTS), 200));
  const holdQueries = await ctx.countQueries(() => sendSequentially(ctx, holds.slice(WARMUP_HOLDS + MEASURED_HOLDS), 201));
  const [stormSeat] = await seatIdsOf(ctx, [stormPerformance]);
  const storm = await sameSeatStorm(ctx, stormFans, stormPerformance, stormSeat!);

  const zeroServerErrors = [sessionOnly, seatMap, holdFloor, holdResult, storm.measurement].every((result) => result.status5xx === 0 && result.errors === 0);
  const allHoldsGranted = holdResult.status2xx === MEASURED_HOLDS && holdFloor.statusCodes["422"] === MEASURED_HOLDS;
  if (!storm.isExactlyOneWinner || !storm.isEveryLoserUnavailable || !zeroServerErrors || !allHoldsGranted) {
    throw new Error(`Booking invariants failed: ${JSON.stringify({ storm: storm.measurement.statusCodes, unanswered: storm.unanswered, liveRows: storm.liveRows, zeroServerErrors, holds: holdResult.statusCodes, floor: holdFloor.statusCodes })}`);
  }
  return {
    reference,
    results: [
      { ...sessionOnly, note: "floor: the session lookup alone, shared by every booking request" },
      { ...seatMap, queriesPerRequest: statementsUnderLoad.seatMap / seatMap.requests },
      { ...holdFloor, note: "floor of the hold route: a new fan's session check and the body, no booking work" },
      { ...holdResult, queriesPerRequest: statementsUnderLoad.holds / holdResult.requests },
      { ...storm.measurement, note: "p50/p99 over the 999 refused requests" },
    ],
    notes: [
      `targets: holds ≥ 0.5× reference, seat map ≥ 0.6× reference; zero 5xx in every measurement (checked: ${zeroServerErrors})`,
      `hold floor ${(holdFloor.rps / reference.rps).toFixed(2)}× reference: what a hold costs before any booking work`,
      ...roundRatios,
      `${cpu.reference.note("reference")}; ${cpu.floor.note("hold floor")}; ${cpu.holds.note("holds")}`,
      `storm: exactly one 201 and ${storm.measurement.statusCodes["409"] ?? 0} × 409 SEAT_UNAVAILABLE; ${storm.liveRows} live row for the seat afterwards`,
      `every measured hold answered 201 (${holdResult.status2xx}/${MEASURED_HOLDS})`,
      `queries/request: statements the database ran during the measured rounds (pg_stat_statements), where concurrent session checks share one; ` +
        `one request at a time: seat map ${(listingQueries / QUERY_SAMPLE_REQUESTS).toFixed(1)}, hold ${(holdQueries / QUERY_SAMPLE_REQUESTS).toFixed(1)}`,
    ],
    extra: { roundRatios, stormStatusCodes: storm.measurement.statusCodes, holdStatusCodes: holdResult.statusCodes, seatMapStatusCodes: seatMap.statusCodes },
  };
}
