// Closed-loop probe lines that time every request and keep their own
// keep-alive connections open from before a load starts until after it ends.
// autocannon cannot serve here: it opens its connections when it starts, and
// one started while a thousand other connections flood the server may not
// get a connection accepted within a short round (so it reports nothing),
// and it cannot say which answers fell inside a time window.
import http from "node:http";
import type { BenchRequest, Measurement } from "./measure.ts";

export type ProbeSample = {
  /** performance.now() when the request was sent. */
  sentAt: number;
  ms: number;
  /** 0: no answer (connection error or timeout). */
  status: number;
};

export type Probe = { stop(): Promise<ProbeSample[]> };

const REQUEST_TIMEOUT_MS = 30_000;

function send(agent: http.Agent, baseUrl: URL, request: BenchRequest): Promise<number> {
  const body = request.body === undefined ? undefined : typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  const headers: Record<string, string> = { ...request.headers };
  if (body !== undefined && typeof request.body !== "string") headers["content-type"] ??= "application/json";
  return new Promise((resolve) => {
    const outgoing = http.request(
      { agent, host: baseUrl.hostname, port: baseUrl.port, method: request.method ?? "GET", path: request.path, headers, timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", () => resolve(0));
      },
    );
    outgoing.once("timeout", () => outgoing.destroy());
    outgoing.once("error", () => resolve(0));
    outgoing.end(body);
  });
}

/** Starts `connections` loops, each sending the next of `requests` (cycling) as soon as its answer arrived. */
export function startProbe(baseUrl: string, requests: BenchRequest[], connections: number): Probe {
  if (requests.length === 0) throw new Error("startProbe(): `requests` is empty.");
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: ProbeSample[] = [];
  let next = 0;
  let isStopping = false;
  const loop = async () => {
    while (!isStopping) {
      const sentAt = performance.now();
      const status = await send(agent, url, requests[next++ % requests.length]!);
      samples.push({ sentAt, ms: performance.now() - sentAt, status });
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    async stop() {
      isStopping = true;
      await Promise.all(loops);
      agent.destroy();
      return samples;
    },
  };
}

/**
 * The requests in flight at any time within [from, to) as a measurement (p99
 * by rank, no interpolation): one sent before the window and answered after
 * it counts with its whole wait, so a stall always shows.
 */
export function summarizeWindow(name: string, samples: ProbeSample[], from: number, to: number, connections: number): Measurement {
  const inWindow = samples.filter((sample) => sample.sentAt < to && sample.sentAt + sample.ms >= from);
  const answered = inWindow.filter((sample) => sample.status > 0);
  const latencies = answered.map((sample) => sample.ms).sort((a, b) => a - b);
  const percentile = (share: number) => (latencies.length ? Math.round(latencies[Math.ceil(share * latencies.length) - 1]!) : Number.NaN);
  const statusCodes: Record<string, number> = {};
  for (const sample of answered) statusCodes[sample.status] = (statusCodes[sample.status] ?? 0) + 1;
  const inClass = (hundred: number) => answered.filter((sample) => Math.floor(sample.status / 100) === hundred).length;
  const durationSeconds = (to - from) / 1000;
  return {
    name,
    rps: answered.length / durationSeconds,
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    requests: answered.length,
    status2xx: inClass(2),
    status4xx: inClass(4),
    status5xx: inClass(5),
    errors: inWindow.length - answered.length,
    statusCodes,
    connections,
    durationSeconds,
  };
}
