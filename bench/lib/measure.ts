// Load generation with autocannon: one request repeated, or a list of distinct
// requests handed out in turn across all connections.
import autocannon, { type AutocannonRequest, type AutocannonResult } from "autocannon";

export type BenchRequest = {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON (content-type set for you); a string as is. */
  body?: unknown;
};

export type MeasureOptions = {
  /** Shown in the report, e.g. "poll (waiting)". */
  name: string;
  /** One request repeated … */
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** … or distinct requests, each connection taking the next one in turn (cycling when exhausted). */
  requests?: BenchRequest[];
  /** Concurrent connections (default 20). */
  connections?: number;
  /** How long to measure (default 10 s). Ignored when `amount` is set. */
  durationSeconds?: number;
  /** Stop after exactly this many requests instead, e.g. `requests.length` to send each once. */
  amount?: number;
  /** Run the same load this long first and discard it (default 1 s; 0 for requests that change state). */
  warmupSeconds?: number;
  /** Milliseconds for timing an `amount` run (default performance.now; tests pass their own). */
  now?: () => number;
};

export type Measurement = {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Count per status code, e.g. { "200": 9120, "409": 12 }. */
  statusCodes: Record<string, number>;
  connections: number;
  durationSeconds: number;
};

const DEFAULT_CONNECTIONS = 20;
const DEFAULT_DURATION_SECONDS = 10;
const DEFAULT_WARMUP_SECONDS = 1;
const REQUEST_TIMEOUT_SECONDS = 30;

function toAutocannonRequest(request: BenchRequest): AutocannonRequest {
  const headers = { ...request.headers };
  let body: string | undefined;
  if (typeof request.body === "string") body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers["content-type"] ??= "application/json";
  }
  return { method: request.method ?? "GET", path: request.path, headers, ...(body === undefined ? {} : { body }) };
}

/** One request template whose setupRequest hands out the list in turn, shared by all connections. */
function cyclingRequests(list: BenchRequest[]): AutocannonRequest[] {
  if (list.length === 0) throw new Error("measure(): `requests` is empty.");
  const prepared = list.map(toAutocannonRequest);
  let next = 0;
  // autocannon passes its defaults (host, port, empty body) in `request`; keep them.
  return [{ ...prepared[0], setupRequest: (request) => ({ ...request, ...prepared[next++ % prepared.length] }) }];
}

function summarize(name: string, result: AutocannonResult, connections: number, durationSeconds: number): Measurement {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, Number(stats.count)]),
  );
  const completed = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    name,
    rps: durationSeconds > 0 ? completed / durationSeconds : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: completed,
    status2xx: result["2xx"],
    status4xx: result["4xx"],
    status5xx: result["5xx"],
    errors: result.errors + result.timeouts,
    statusCodes,
    connections,
    durationSeconds,
  };
}

export async function measure(baseUrl: string, options: MeasureOptions): Promise<Measurement> {
  if (!options.path === !options.requests) throw new Error("measure(): give either `path` or `requests`.");
  const requests = options.requests
    ? cyclingRequests(options.requests)
    : [toAutocannonRequest({ path: options.path!, method: options.method, headers: options.headers, body: options.body })];
  const connections = options.connections ?? DEFAULT_CONNECTIONS;
  const now = options.now ?? (() => performance.now());
  const run = async (durationSeconds: number, amount?: number) => {
    const startedAt = now();
    let lastAnswerAt = startedAt;
    const running = autocannon({
      url: baseUrl,
      connections,
      requests,
      timeout: REQUEST_TIMEOUT_SECONDS,
      ...(amount ? { amount } : { duration: durationSeconds }),
    });
    running.on("response", () => (lastAnswerAt = now()));
    const result = await running;
    // autocannon ends a run only at its next one-second sample, so the duration it reports for
    // `amount` is rounded up to whole seconds (1,500 answers in 1.3 s read as 750/s). Such a run
    // is timed here, to its last answer; a timed run keeps autocannon's duration.
    return { result, seconds: amount ? (lastAnswerAt - startedAt) / 1000 : result.duration };
  };
  const warmupSeconds = options.warmupSeconds ?? DEFAULT_WARMUP_SECONDS;
  if (warmupSeconds > 0) await run(warmupSeconds);
  const { result, seconds } = await run(options.durationSeconds ?? DEFAULT_DURATION_SECONDS, options.amount);
  return summarize(options.name, result, connections, seconds);
}

/**
 * Several rounds of one measurement as one: requests and statuses added up,
 * the rate over the total time, the median round's p50 and the worst round's
 * p99 (a tail that showed up once is reported, not averaged away).
 */
export function combineRounds(name: string, rounds: Measurement[]): Measurement {
  const sum = (pick: (round: Measurement) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const statusCodes: Record<string, number> = {};
  for (const round of rounds) {
    for (const [code, count] of Object.entries(round.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const durationSeconds = sum((round) => round.durationSeconds);
  return {
    name,
    rps: durationSeconds > 0 ? sum((round) => round.requests) / durationSeconds : 0,
    p50Ms: rounds.map((round) => round.p50Ms).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!,
    p99Ms: Math.max(...rounds.map((round) => round.p99Ms)),
    requests: sum((round) => round.requests),
    status2xx: sum((round) => round.status2xx),
    status4xx: sum((round) => round.status4xx),
    status5xx: sum((round) => round.status5xx),
    errors: sum((round) => round.errors),
    statusCodes,
    connections: rounds[0]!.connections,
    durationSeconds,
  };
}
