// The pages every fan lands on at an on-sale, `/` and `/concerts/{id}`, loaded
// as documents by visitors and by signed-in fans (one shared render a second
// per page for both, docs/decisions/091 and 135), and the GET /api/me each of
// those page loads then makes in the browser to show who is signed in, against
// the reference route in alternating rounds. Then the
// same with an arena concert on sale (3 dates of 15,000 seats), so the
// catalogue's cost can be compared with and without 45,000 more seats.
import type { BenchContext, BenchRequest, Measurement, ScenarioReport, ScenarioResult } from "../lib/context.ts";
import { arenaSeatCount, arenaSections, ARENA_PRICES, KSPO_DOME_LIKE } from "@/lib/venues/arena-layout";
import { createBenchConcert } from "../lib/concert.ts";
import { combineRounds } from "../lib/measure.ts";

const CONNECTIONS = 20;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const SIGNED_IN_FANS = 200;
const ARENA_DATES = 3;
const QUERY_SAMPLE_REQUESTS = 20;
/** A browser loading a page, as fans landing on it do (a client navigation's fetch() is answered differently). */
const AS_A_DOCUMENT = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

type Target = { name: string; requests: BenchRequest[] };

/** The seeded concert the bench lands on: on sale, with seats left. */
async function onSaleConcertId(ctx: BenchContext): Promise<string> {
  const response = await fetch(`${ctx.baseUrl}/api/concerts`);
  const { concerts } = (await response.json()) as { concerts: { id: string; status: string }[] };
  const onSale = concerts.find((concert) => concert.status === "ON_SALE");
  if (!onSale) throw new Error("The seed has no concert on sale.");
  return onSale.id;
}

/** A concert on sale now with `dates` performances of the KSPO DOME-like arena's ~15,000 seats each. */
async function createArenaConcert(ctx: BenchContext, dates: number): Promise<string> {
  const { concertId } = await createBenchConcert(ctx, {
    title: "아레나 벤치마크",
    performances: dates,
    venue: { name: "아레나 벤치마크", sections: arenaSections(KSPO_DOME_LIKE), prices: { ...ARENA_PRICES } },
  });
  await ctx.db.$executeRaw`ANALYZE seats`;
  return concertId;
}

/** Each target and the reference, one after another, ROUNDS times, so all of them see the same machine. */
async function measureInRounds(ctx: BenchContext, targets: Target[]): Promise<{ reference: Measurement; results: Measurement[] }> {
  const reference: Measurement[] = [];
  const results: Measurement[][] = targets.map(() => []);
  for (let round = 1; round <= ROUNDS; round += 1) {
    ctx.log(`round ${round}/${ROUNDS}`);
    reference.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    for (const [index, target] of targets.entries()) {
      results[index]!.push(await ctx.measure({ name: target.name, requests: target.requests, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    }
  }
  return { reference: combineRounds("noop", reference), results: targets.map((target, index) => combineRounds(target.name, results[index]!)) };
}

/** SQL statements per request, sent one at a time with the load off. */
async function statementsPerRequest(ctx: BenchContext, request: BenchRequest): Promise<number> {
  const statements = await ctx.countQueries(async () => {
    for (let sent = 0; sent < QUERY_SAMPLE_REQUESTS; sent += 1) {
      const response = await fetch(`${ctx.baseUrl}${request.path}`, { headers: request.headers });
      if (!response.ok) throw new Error(`${request.path} answered ${response.status}`);
      await response.arrayBuffer();
    }
  });
  return statements / QUERY_SAMPLE_REQUESTS;
}

async function withStatements(ctx: BenchContext, measurement: Measurement, sample: BenchRequest): Promise<ScenarioResult> {
  return { ...measurement, queriesPerRequest: await statementsPerRequest(ctx, sample) };
}

export default async function pages(ctx: BenchContext): Promise<ScenarioReport> {
  const concertId = await onSaleConcertId(ctx);
  const fans = await ctx.createFans(SIGNED_IN_FANS);
  const signedIn = (path: string): BenchRequest[] => fans.map((fan) => ({ path, headers: { ...AS_A_DOCUMENT, cookie: fan.cookie } }));
  const seeded: Target[] = [
    { name: "GET / (visitor)", requests: [{ path: "/", headers: AS_A_DOCUMENT }] },
    { name: "GET /concerts/{id} (visitor)", requests: [{ path: `/concerts/${concertId}`, headers: AS_A_DOCUMENT }] },
    { name: "GET / (signed-in fan)", requests: signedIn("/") },
    { name: "GET /concerts/{id} (signed-in fan)", requests: signedIn(`/concerts/${concertId}`) },
    { name: "GET /api/me (signed-in fan, after either page)", requests: fans.map((fan) => ({ path: "/api/me", headers: { cookie: fan.cookie } })) },
  ];
  const before = await measureInRounds(ctx, seeded);

  ctx.log(`Adding an arena concert: ${ARENA_DATES} dates of ${arenaSeatCount(KSPO_DOME_LIKE).toLocaleString("en")} seats…`);
  const arenaId = await createArenaConcert(ctx, ARENA_DATES);
  const arena: Target[] = [
    { name: "GET /api/concerts (with the arena)", requests: [{ path: "/api/concerts" }] },
    { name: "GET / (visitor, with the arena)", requests: [{ path: "/", headers: AS_A_DOCUMENT }] },
    { name: "GET /concerts/{arena} (visitor)", requests: [{ path: `/concerts/${arenaId}`, headers: AS_A_DOCUMENT }] },
  ];
  const after = await measureInRounds(ctx, arena);

  const results: ScenarioResult[] = [];
  for (const [index, target] of seeded.entries()) results.push(await withStatements(ctx, before.results[index]!, target.requests[0]!));
  for (const [index, target] of arena.entries()) {
    const measurement = after.results[index]!;
    const ratio = (measurement.rps / after.reference.rps).toFixed(2);
    results.push({ ...(await withStatements(ctx, measurement, target.requests[0]!)), note: `${ratio}× the reference of its own rounds` });
  }
  return {
    reference: before.reference,
    results,
    notes: [
      `${ROUNDS} alternating rounds of ${ROUND_SECONDS} s per line, ${CONNECTIONS} connections; signed-in fans cycle through ${SIGNED_IN_FANS} sessions`,
      "a page is one shared render a second per process for visitors and signed-in fans alike (decisions 091, 135); the browser then asks GET /api/me for the header",
      `queries/request from ${QUERY_SAMPLE_REQUESTS} sequential requests (pg_stat_statements), within the catalogue snapshot's second`,
    ],
    extra: { afterArenaReference: after.reference },
  };
}
