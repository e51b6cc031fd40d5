// The waiting room: the status poll against the reference route with 1,000
// and with 1,000,000 fans waiting, database statements per poll, and joins
// per second.
//
// Each room is full (capacity fans admitted, with time left), so the steady
// state is measured: polls answered from the signed token and the per-process
// room snapshot. Tokens are minted here with the server's secret, as the join
// would, for 1,000 waiting fans spread over the whole line.
import { sealQueueToken } from "@/lib/queue/token";
import { createBenchConcert } from "../lib/concert.ts";
import { combineRounds } from "../lib/measure.ts";
import { REFERENCE_PATH, type BenchContext, type BenchRequest, type Measurement, type ScenarioReport } from "../lib/context.ts";

const CONNECTIONS = 20;
const ROUND_SECONDS = 5;
const ROUNDS = 8;
const CAPACITY = 100;
const SMALL_LINE = 1_000;
const LARGE_LINE = 1_000_000;
const POLLING_FANS = 1_000;
const JOINS = 3_000;

type Room = { concertId: string; requests: BenchRequest[] };

/** A concert with one performance on sale and a full, open waiting room with `waiting` fans behind the admitted ones. */
async function createFullRoom(ctx: BenchContext, label: string, waiting: number): Promise<string> {
  const { concertId } = await createBenchConcert(ctx, {
    title: `대기열 벤치마크 ${label}`,
    performances: 1,
    grades: [{ grade: "R", from: 1, to: 50, price: 110_000 }],
    room: false,
  });
  await ctx.db.$executeRaw`
    INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds,
                               opens_at, last_ticket, serving_counter, is_prequeue_ordered)
    VALUES (${concertId}::uuid, ${CAPACITY}, 6000, 3600, 60, now() - interval '1 minute', ${CAPACITY + waiting}, ${CAPACITY}, true)`;
  await ctx.db.$executeRaw`
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, admitted_at, admitted_until, claim_by, claimed_at)
    SELECT fan.id, ${concertId}::uuid, fan.n,
           CASE WHEN fan.n <= ${CAPACITY} THEN 'ADMITTED'::"QueueTokenStatus" ELSE 'WAITING'::"QueueTokenStatus" END,
           CASE WHEN fan.n <= ${CAPACITY} THEN now() END,
           CASE WHEN fan.n <= ${CAPACITY} THEN now() + interval '1 hour' END,
           CASE WHEN fan.n <= ${CAPACITY} THEN now() + interval '1 minute' END,
           CASE WHEN fan.n <= ${CAPACITY} THEN now() END
    FROM (SELECT id, row_number() OVER () AS n FROM users WHERE email LIKE 'bench-line-%' LIMIT ${CAPACITY + waiting}) fan`;
  return concertId;
}

/** Status polls of POLLING_FANS waiting fans spread evenly over the line, each with its own token. */
async function pollRequests(ctx: BenchContext, concertId: string, waiting: number): Promise<BenchRequest[]> {
  const step = Math.max(1, Math.floor(waiting / POLLING_FANS));
  const tokens = await ctx.db.$queryRaw<{ id: string; user_id: string; ticket: bigint }[]>`
    SELECT id::text, user_id::text, ticket FROM queue_tokens
    WHERE concert_id = ${concertId}::uuid AND status = 'WAITING' AND (ticket - ${CAPACITY}) % ${step} = 0
    ORDER BY ticket LIMIT ${POLLING_FANS}`;
  return Promise.all(
    tokens.map(async (token) => ({
      path: "/api/queue/status",
      headers: {
        "x-queue-token": await sealQueueToken({ tid: token.id, uid: token.user_id, cid: concertId, tkt: token.ticket.toString() }),
      },
    })),
  );
}

async function prepareRoom(ctx: BenchContext, label: string, waiting: number): Promise<Room> {
  const concertId = await createFullRoom(ctx, label, waiting);
  const requests = await pollRequests(ctx, concertId, waiting);
  // One poll loads the room into the server's snapshot and proves the setup.
  const last = requests.at(-1)!;
  const response = await fetch(`${ctx.baseUrl}${last.path}`, { headers: last.headers });
  const body = (await response.json()) as { status: string; position: number };
  if (response.status !== 200 || body.status !== "WAITING") throw new Error(`setup poll answered ${response.status} ${JSON.stringify(body)}`);
  ctx.log(`Room with ${waiting.toLocaleString("en-US")} waiting ready; the last polling fan stands at position ${body.position.toLocaleString("en-US")}.`);
  return { concertId, requests };
}

type PollRound = { measurement: Measurement; queries: number };

async function pollRound(ctx: BenchContext, room: Room, name: string): Promise<PollRound> {
  let measurement: Measurement | undefined;
  const queries = await ctx.countQueries(async () => {
    measurement = await ctx.measure({ name, requests: room.requests, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 });
  });
  return { measurement: measurement!, queries };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}


async function measureJoins(ctx: BenchContext): Promise<{ measurement: Measurement; queries: number; tickets: number }> {
  const { concertId } = await createBenchConcert(ctx, { title: "대기열 벤치마크 입장", performances: 0, room: false });
  await ctx.db.$executeRaw`
    INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
    VALUES (${concertId}::uuid, ${CAPACITY}, 6000, 3600, 60, now() - interval '1 minute')`;
  const fans = await ctx.createFans(JOINS);
  const requests = fans.map((fan) => ({ path: `/api/concerts/${concertId}/queue`, method: "POST", headers: { cookie: fan.cookie } }));
  let measurement: Measurement | undefined;
  const queries = await ctx.countQueries(async () => {
    measurement = await ctx.measure({ name: "POST join (new fans)", requests, amount: requests.length, connections: CONNECTIONS, warmupSeconds: 0 });
  });
  const [row] = await ctx.db.$queryRaw<{ tickets: bigint }[]>`
    SELECT count(DISTINCT ticket) AS tickets FROM queue_tokens WHERE concert_id = ${concertId}::uuid`;
  return { measurement: measurement!, queries, tickets: Number(row!.tickets) };
}

export default async function queue(ctx: BenchContext): Promise<ScenarioReport> {
  ctx.log(`Inserting ${(CAPACITY + LARGE_LINE).toLocaleString("en-US")} fans…`);
  await ctx.db.$executeRaw`
    INSERT INTO users (email, name, password_hash)
    SELECT 'bench-line-' || n || '@bench.test', '대기 팬', 'not-a-password-hash' FROM generate_series(1, ${CAPACITY + LARGE_LINE}) n`;
  const small = await prepareRoom(ctx, "1k", SMALL_LINE);
  const large = await prepareRoom(ctx, "1M", LARGE_LINE);
  // Settle the bulk load now, so autovacuum does not pick it up in the middle of the measurement.
  await ctx.db.$executeRawUnsafe("VACUUM (ANALYZE) users");
  await ctx.db.$executeRawUnsafe("VACUUM (ANALYZE) queue_tokens");

  const warm = (room: Room) => ctx.measure({ name: "warm-up", requests: room.requests, connections: CONNECTIONS, durationSeconds: 2, warmupSeconds: 0 });
  await warm(small);
  await warm(large);

  // The reference is sent in the same shape as the polls (1,000 distinct requests handed out in turn, an equally
  // long X-Queue-Token header), so the load generator, which shares the CPUs, costs the same on both sides and the
  // ratio shows the server's work. The plain reference (one repeated request) is measured and listed too.
  const sameShape = small.requests.map((request) => ({ path: REFERENCE_PATH, headers: request.headers }));
  const measureSameShapeReference = () =>
    ctx.measure({ name: "noop", requests: sameShape, connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 });
  const plainReferences = [await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 })];
  // Reference and polls alternate, so all see the same machine (shared machines drift within minutes); the two
  // line lengths swap places every round, so neither always runs further from a reference.
  const references: Measurement[] = [];
  const smallRounds: PollRound[] = [];
  const largeRounds: PollRound[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    references.push(await measureSameShapeReference());
    const lines = [
      { room: small, rounds: smallRounds, name: "poll, 1k waiting" },
      { room: large, rounds: largeRounds, name: "poll, 1M waiting" },
    ];
    if (round % 2 === 1) lines.reverse();
    for (const line of lines) line.rounds.push(await pollRound(ctx, line.room, line.name));
  }
  references.push(await measureSameShapeReference());
  plainReferences.push(await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: ROUND_SECONDS, warmupSeconds: 0 }));
  const joins = await measureJoins(ctx);

  const reference = combineRounds("GET /api/bench/noop, same request shape", references);
  const plainReference = combineRounds("GET /api/bench/noop, one repeated request", plainReferences);
  const smallPoll = combineRounds("GET /api/queue/status, 1,000 waiting", smallRounds.map((round) => round.measurement));
  const largePoll = combineRounds("GET /api/queue/status, 1,000,000 waiting", largeRounds.map((round) => round.measurement));
  const perPoll = (rounds: PollRound[]) =>
    rounds.reduce((total, round) => total + round.queries, 0) / rounds.reduce((total, round) => total + round.measurement.requests, 0);
  // Each round against the mean of the references just before and after it.
  const roundRatios = (rounds: PollRound[]) =>
    rounds.map((round, index) => round.measurement.rps / ((references[index]!.rps + references[index + 1]!.rps) / 2));
  const format = (ratios: number[]) => ratios.map((ratio) => ratio.toFixed(2)).join(", ");
  const smallRatio = median(roundRatios(smallRounds));
  const largeRatio = median(roundRatios(largeRounds));
  const largeToSmall = median(largeRounds.map((round, index) => round.measurement.rps / smallRounds[index]!.measurement.rps));

  return {
    reference,
    results: [
      plainReference,
      { ...smallPoll, queriesPerRequest: perPoll(smallRounds) },
      { ...largePoll, queriesPerRequest: perPoll(largeRounds) },
      { ...joins.measurement, queriesPerRequest: joins.queries / joins.measurement.requests },
    ],
    notes: [
      `rooms full (${CAPACITY} admitted with time left): the steady state; ${POLLING_FANS} waiting fans per room poll with their own tokens, spread over the line`,
      `reference: the noop route sent in the same shape as the polls (${POLLING_FANS} distinct requests in turn, an equally long X-Queue-Token header)`,
      `${ROUNDS} rounds of ${ROUND_SECONDS} s, the reference between rounds; per-round ratios: 1k ${format(roundRatios(smallRounds))}; 1M ${format(roundRatios(largeRounds))}`,
      `median ratios: poll 1k ${smallRatio.toFixed(2)}×, 1M ${largeRatio.toFixed(2)}× the reference; 1M ${largeToSmall.toFixed(2)}× 1k (same round)`,
      `targets: poll ≥ 0.8× reference; ≤ 0.01 queries/poll; 1M ≥ 0.9× 1k`,
      `queries/poll: every statement the database ran during the rounds (pg_stat_statements, background refreshes included): ` +
        `1k ${perPoll(smallRounds).toFixed(5)}, 1M ${perPoll(largeRounds).toFixed(5)}`,
      `poll against the plain reference (one repeated request): 1k ${(smallPoll.rps / plainReference.rps).toFixed(2)}×, 1M ${(largePoll.rps / plainReference.rps).toFixed(2)}×`,
      `joins: ${JOINS} new fans joining once each, ${CONNECTIONS} at a time; ${joins.tickets} distinct tickets afterwards`,
    ],
    extra: {
      pollRatios: { small: roundRatios(smallRounds), large: roundRatios(largeRounds) },
      medianPollRatio: { small: smallRatio, large: largeRatio },
      largeToSmallRatio: largeToSmall,
      queriesPerPoll: { small: perPoll(smallRounds), large: perPoll(largeRounds) },
      joinTickets: joins.tickets,
    },
  };
}
