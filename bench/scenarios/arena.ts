// Arena seat maps against the reference route (issue 12): an arena of about
// 15,000 seats (KSPO DOME-like) and a stadium of 70,000, both on sale.
//   - the section overview and one section's seats (targets ≥ 0.6× each),
//     with the bytes of a section refresh (≤ 64 KB raw) and its 304 when
//     nothing changed;
//   - holds of distinct arena seats (≥ 0.5×), measured as the booking scenario
//     measures them: 500 warm-up holds, then rounds with the reference just
//     before each;
//   - the catalogue and a concert's dates list with arenas on sale, next to
//     the same with 50-seat dates (≥ 0.9×), and what their statements cost
//     in the database (they read stored counts, never the seats).
//
//   npm run bench -- arena            the figures (3 rounds of 5 s per measurement)
//   npm run bench -- arena --smoke    1 round of 2 s, for checking the scenario itself
//   npm run bench -- arena --seat-maps  only the overview and section lines (no catalogue,
//                                       dates or holds), with the SQL statements they cost
// The booking page's time to interactive and DOM size with these venues, in Chromium:
//   npm run bench -- arena-page        (bench/scenarios/arena-page.ts)
import type { BenchContext, BenchFan, BenchRequest, Measurement, MeasureOptions, ScenarioReport } from "../lib/context.ts";
import type { ScenarioResult } from "../lib/report.ts";
import { admitToConcert, createBenchConcert } from "../lib/concert.ts";
import { benchCpuSources, CpuTally } from "../lib/cpu-time.ts";
import { combineRounds } from "../lib/measure.ts";
import { PERFORMANCE_FACTS } from "@/lib/catalog/performance-facts";
import { arenaSeatCount, arenaSections, ARENA_PRICES, KSPO_DOME_LIKE, STADIUM_LIKE, type ArenaPlan } from "@/lib/venues/arena-layout";

const IS_SMOKE = process.argv.includes("--smoke");
const IS_SEAT_MAPS_ONLY = process.argv.includes("--seat-maps");
const ROUNDS = IS_SMOKE ? 1 : 3;
const ROUND_SECONDS = IS_SMOKE ? 2 : 5;
const CONNECTIONS = 20;
const FANS_PER_CONCERT = IS_SMOKE ? 100 : 400;
/**
 * About as long as the reference's rounds of ROUND_SECONDS (holds answer 1,000–1,250 a second here). A round of 1,500
 * lasted under 1.5 s: it caught one of the server's old-generation collections (about every 13 s under this load) or
 * none, and the rounds of one run spread from 0.42× to 0.58× with that alone (docs/benchmarks.md, Arena seat maps).
 */
const HOLDS_PER_ROUND = IS_SMOKE ? 300 : 5_000;
/** Holds sent before the measured ones, as the booking scenario does: the hold route's first requests load and optimise its code. */
const WARMUP_HOLDS = IS_SMOKE ? 100 : 500;
const DATES = 3;
const STATEMENT_SAMPLES = IS_SMOKE ? 20 : 100;

type AdmittedFan = BenchFan & { headers: Record<string, string> };
type Section = { id: string; totalSeats: number };

async function admitFans(ctx: BenchContext, concertId: string, count: number): Promise<AdmittedFan[]> {
  const fans = await ctx.createFans(count);
  const tokenByUser = await admitToConcert(ctx, concertId, fans);
  return fans.map((fan) => ({ ...fan, headers: { cookie: fan.cookie, "x-queue-token": tokenByUser.get(fan.id)! } }));
}

async function arenaConcert(ctx: BenchContext, title: string, plan: ArenaPlan) {
  ctx.log(`Preparing ${title}: ${DATES} dates of ${arenaSeatCount(plan).toLocaleString("en")} seats…`);
  const concert = await createBenchConcert(ctx, {
    title,
    performances: DATES,
    venue: { name: title, sections: arenaSections(plan), prices: { ...ARENA_PRICES } },
  });
  return { ...concert, fans: await admitFans(ctx, concert.concertId, FANS_PER_CONCERT) };
}

async function getJson<T>(ctx: BenchContext, path: string, headers: Record<string, string>): Promise<{ body: T; bytes: number; etag: string }> {
  const response = await fetch(`${ctx.baseUrl}${path}`, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return { body: JSON.parse(text) as T, bytes: Buffer.byteLength(text), etag: response.headers.get("etag") ?? "" };
}

const requestsOf = (measured: Measurement[]) => measured.reduce((sum, one) => sum + one.requests, 0);

type RoundsResult = { reference: Measurement; results: ScenarioResult[]; cpuNotes: string[] };

/**
 * Measurements in rounds, each round with the reference first, so every ratio compares like with like on a shared machine.
 * Each result carries the SQL statements the database ran per request while it was measured (every client, snapshot
 * refreshes included), and a note of the CPU the app server and PostgreSQL spent per request (bench/lib/cpu-time.ts).
 */
async function measureInRounds(ctx: BenchContext, shapes: MeasureOptions[]): Promise<RoundsResult> {
  const sources = benchCpuSources(ctx.baseUrl);
  const rounds: Measurement[][] = shapes.map(() => []);
  const statements = shapes.map(() => 0);
  const cpu = shapes.map(() => new CpuTally(sources));
  const referenceCpu = new CpuTally(sources);
  const references: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
    references.push(await referenceCpu.measure(() => ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS })));
    for (const [index, shape] of shapes.entries()) {
      await cpu[index]!.measure(async () => {
        let measured: Measurement | undefined;
        statements[index]! += await ctx.countQueries(async () => (measured = await ctx.measure(shape)));
        rounds[index]!.push(measured!);
        return measured!;
      });
    }
  }
  return {
    reference: combineRounds("reference", references),
    results: rounds.map((measured, index) => {
      const combined = combineRounds(shapes[index]!.name, measured);
      return { ...combined, queriesPerRequest: statements[index]! / requestsOf(measured) };
    }),
    cpuNotes: [referenceCpu.note("reference"), ...shapes.map((shape, index) => cpu[index]!.note(shape.name))],
  };
}

/**
 * Holds in rounds as the booking scenario measures them: warm-up holds first, then each round from vacuumed tables with
 * the reference just before it, so the ratio compares like with like. Every request holds a seat nobody else asks for.
 */
async function measureHolds(ctx: BenchContext, requests: BenchRequest[]): Promise<{ holds: Measurement; reference: Measurement; roundRatios: string; cpuNote: string }> {
  await ctx.measure({ name: "holds (warm-up)", requests: requests.slice(0, WARMUP_HOLDS), amount: WARMUP_HOLDS, connections: CONNECTIONS, warmupSeconds: 0 });
  const references: Measurement[] = [];
  const rounds: Measurement[] = [];
  const cpu = new CpuTally(benchCpuSources(ctx.baseUrl));
  for (let round = 0; round < ROUNDS; round++) {
    await ctx.db.$executeRawUnsafe("VACUUM ANALYZE");
    references.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS }));
    const start = WARMUP_HOLDS + round * HOLDS_PER_ROUND;
    const slice = requests.slice(start, start + HOLDS_PER_ROUND);
    rounds.push(await cpu.measure(() => ctx.measure({ name: "holds", requests: slice, amount: slice.length, connections: CONNECTIONS, warmupSeconds: 0 })));
  }
  return {
    holds: combineRounds("holds, 70,000-seat stadium (one seat each, distinct fans)", rounds),
    reference: combineRounds("reference", references),
    roundRatios: `rounds ${rounds.map((one, index) => (one.rps / references[index]!.rps).toFixed(2)).join(", ")}`,
    cpuNote: cpu.note("holds"),
  };
}

function reads(name: string, requests: BenchRequest[]): MeasureOptions {
  return { name, requests, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS };
}

/** Median milliseconds of the catalogue's facts over every date (PERFORMANCE_FACTS), run alone: the HTTP answers come from per-process snapshots. */
async function catalogueFactsMs(ctx: BenchContext): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < STATEMENT_SAMPLES; index++) {
    const startedAt = performance.now();
    await ctx.db.$queryRaw`WITH facts AS (${PERFORMANCE_FACTS}) SELECT count(*) FILTER (WHERE is_sold_out), sum(free_seats) FROM facts`;
    samples.push(performance.now() - startedAt);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

type ArenaConcert = Awaited<ReturnType<typeof arenaConcert>>;

/** Every fan refreshes the overview of one date, and the seats of a section (each fan keeps to one). */
async function seatMapViews(ctx: BenchContext, concert: ArenaConcert, size: string) {
  const performanceId = concert.performanceIds[0]!;
  const overview = await getJson<{ sections: Section[] }>(ctx, `/api/performances/${performanceId}/sections`, concert.fans[0]!.headers);
  const sections = overview.body.sections;
  const sectionOf = (index: number) => sections[index % sections.length]!;
  const largest = sections.reduce((best, section) => (section.totalSeats > best.totalSeats ? section : best));
  const sectionPath = (section: Section) => `/api/performances/${performanceId}/seats?section=${section.id}`;
  const refresh = await getJson<unknown>(ctx, sectionPath(largest), concert.fans[0]!.headers);
  const revalidated = await fetch(`${ctx.baseUrl}${sectionPath(largest)}`, { headers: { ...concert.fans[0]!.headers, "if-none-match": refresh.etag } });
  const notModifiedBytes = (await revalidated.arrayBuffer()).byteLength;
  // Tags of each fan's section, to revalidate with: a refresh when nothing changed.
  const tags = await Promise.all(concert.fans.map(async (fan, index) => (await getJson<unknown>(ctx, sectionPath(sectionOf(index)), fan.headers)).etag));
  return {
    size,
    sections: sections.length,
    overviewBytes: overview.bytes,
    largestSectionSeats: largest.totalSeats,
    sectionBytes: refresh.bytes,
    notModified: { status: revalidated.status, bytes: notModifiedBytes },
    shapes: [
      reads(`section overview, ${size} seats`, concert.fans.map((fan) => ({ path: `/api/performances/${performanceId}/sections`, headers: fan.headers }))),
      reads(`one section's seats, ${size} seats`, concert.fans.map((fan, index) => ({ path: sectionPath(sectionOf(index)), headers: fan.headers }))),
      reads(`one section's seats, ${size} seats, 304 revalidation`, concert.fans.map((fan, index) => ({
        path: sectionPath(sectionOf(index)), headers: { ...fan.headers, "if-none-match": tags[index]! },
      }))),
    ],
  };
}

type SeatMapView = Awaited<ReturnType<typeof seatMapViews>>;

function seatMapNotes(views: SeatMapView[]): string[] {
  return views.map((view) =>
    `${view.size} seats, ${view.sections} sections: overview ${(view.overviewBytes / 1024).toFixed(1)} KB; ` +
    `largest section (${view.largestSectionSeats} seats) ${(view.sectionBytes / 1024).toFixed(1)} KB raw per refresh (target ≤ 64 KB); ` +
    `unchanged → ${view.notModified.status} with ${view.notModified.bytes} bytes`);
}

function runNote(): string {
  return IS_SMOKE ? "SMOKE RUN (--smoke): 1 round of 2 s per measurement; not figures." : `${ROUNDS} rounds of ${ROUND_SECONDS} s per measurement, ${CONNECTIONS} connections.`;
}

function viewExtra(views: SeatMapView[]) {
  return views.map(({ size, sections, overviewBytes, largestSectionSeats, sectionBytes, notModified }) => ({ size, sections, overviewBytes, largestSectionSeats, sectionBytes, notModified }));
}

/** --seat-maps: the overview and one section's seats of both arenas, nothing else. */
async function seatMapsOnly(ctx: BenchContext): Promise<ScenarioReport> {
  const kspo = await arenaConcert(ctx, "아레나 벤치마크 (1만 5천 석)", KSPO_DOME_LIKE);
  const stadium = await arenaConcert(ctx, "스타디움 벤치마크 (7만 석)", STADIUM_LIKE);
  const views = [await seatMapViews(ctx, kspo, "15,000"), await seatMapViews(ctx, stadium, "70,000")];
  const measured = await measureInRounds(ctx, views.flatMap((view) => view.shapes));
  return {
    reference: measured.reference,
    results: measured.results,
    notes: [...seatMapNotes(views), ...measured.cpuNotes, "queries/req: statements the database ran per request under load (every client, snapshot refreshes included).", runNote()],
    extra: { views: viewExtra(views) },
  };
}

export default async function arena(ctx: BenchContext): Promise<ScenarioReport> {
  if (IS_SEAT_MAPS_ONLY) return seatMapsOnly(ctx);
  // The catalogue and a dates list before any arena is on sale: the same concerts with 50-seat dates.
  const hall = await createBenchConcert(ctx, { title: "50석 홀 벤치마크", performances: DATES });
  const hallFans = await admitFans(ctx, hall.concertId, FANS_PER_CONCERT);
  const catalogueRequests: BenchRequest[] = [{ path: "/api/concerts" }];
  const hallDates = hallFans.map((fan) => ({ path: `/api/concerts/${hall.concertId}/performances`, headers: fan.headers }));
  const before = await measureInRounds(ctx, [reads("catalogue, 50-seat dates only", catalogueRequests), reads("dates list, 50-seat dates", hallDates)]);
  const factsMsBefore = await catalogueFactsMs(ctx);

  const kspo = await arenaConcert(ctx, "아레나 벤치마크 (1만 5천 석)", KSPO_DOME_LIKE);
  const stadium = await arenaConcert(ctx, "스타디움 벤치마크 (7만 석)", STADIUM_LIKE);
  const factsMsAfter = await catalogueFactsMs(ctx);
  const views = [await seatMapViews(ctx, kspo, "15,000"), await seatMapViews(ctx, stadium, "70,000")];

  // Holds of distinct seats of the stadium's other dates, each by a fan of its own (no limit, no rival).
  const holdCount = WARMUP_HOLDS + HOLDS_PER_ROUND * ROUNDS;
  const holdFans = await admitFans(ctx, stadium.concertId, holdCount);
  const holdSeats = await ctx.db.$queryRaw<{ id: string; performance_id: string }[]>`
    SELECT s.id::text, s.performance_id::text FROM seats s
    WHERE s.performance_id = ${stadium.performanceIds[1]!}::uuid ORDER BY s.number LIMIT ${holdCount}`;
  const holdRequests: BenchRequest[] = holdSeats.map((seat, index) => ({
    path: "/api/reservations", method: "POST", headers: holdFans[index]!.headers, body: { performanceId: seat.performance_id, seatIds: [seat.id] },
  }));

  const arenaDates = (concert: ArenaConcert) => concert.fans.map((fan) => ({ path: `/api/concerts/${concert.concertId}/performances`, headers: fan.headers }));
  const after = await measureInRounds(ctx, [
    reads("catalogue, arenas on sale", catalogueRequests),
    reads("dates list, 50-seat dates (arenas on sale)", hallDates),
    reads("dates list, 15,000-seat arena", arenaDates(kspo)),
    reads("dates list, 70,000-seat stadium", arenaDates(stadium)),
    ...views.flatMap((view) => view.shapes),
  ]);
  const holdRounds = await measureHolds(ctx, holdRequests);
  const holds = holdRounds.holds;

  const ratio = (result: Measurement, reference: Measurement) => result.rps / reference.rps;
  const [catalogueBefore, datesBefore] = before.results as [Measurement, Measurement];
  const [catalogueAfter, datesHallAfter, datesKspo, datesStadium] = after.results as [Measurement, Measurement, Measurement, Measurement];
  const relative = (result: Measurement, baseline: Measurement, baselineReference: Measurement) =>
    (ratio(result, after.reference) / ratio(baseline, baselineReference)).toFixed(2);
  return {
    reference: after.reference,
    results: [...before.results, ...after.results, { ...holds, ownReference: holdRounds.reference }],
    notes: [
      `catalogue with arenas on sale = ${relative(catalogueAfter, catalogueBefore, before.reference)}× of the catalogue with 50-seat dates only (target ≥ 0.9)`,
      `dates list: 15,000-seat arena = ${(datesKspo.rps / datesHallAfter.rps).toFixed(2)}×, 70,000-seat stadium = ${(datesStadium.rps / datesHallAfter.rps).toFixed(2)}× of the 50-seat dates in the same rounds (target ≥ 0.9); ` +
        `50-seat dates before/after arenas: ${relative(datesHallAfter, datesBefore, before.reference)}×`,
      `holds = ${ratio(holds, holdRounds.reference).toFixed(2)}× the reference of their own rounds (${holdRounds.reference.rps.toFixed(0)} rps; target ≥ 0.5), ${holds.status2xx} of ${holds.requests} held; ${holdRounds.roundRatios}`,
      holdRounds.cpuNote,
      `the catalogue's facts statement over every date, run alone: ${factsMsBefore.toFixed(2)} ms with 50-seat dates, ${factsMsAfter.toFixed(2)} ms with ${DATES * 2} arena dates on sale (${(DATES * (arenaSeatCount(KSPO_DOME_LIKE) + arenaSeatCount(STADIUM_LIKE))).toLocaleString("en")} more seats)`,
      ...seatMapNotes(views),
      ...before.cpuNotes,
      ...after.cpuNotes,
      "queries/req: statements the database ran per request under load (every client, snapshot refreshes included).",
      runNote(),
    ],
    extra: { factsMsBefore, factsMsAfter, views: viewExtra(views) },
  };
}
