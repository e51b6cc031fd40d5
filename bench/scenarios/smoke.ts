// Proves the harness: the public catalogue list against the reference route,
// and how many SQL statements one catalogue request costs.
import type { BenchContext, ScenarioReport } from "../lib/context.ts";

const CONNECTIONS = 20;
const DURATION_SECONDS = 5;
const QUERY_SAMPLE_REQUESTS = 20;

export default async function smoke(ctx: BenchContext): Promise<ScenarioReport> {
  const reference = await ctx.measureReference({ connections: CONNECTIONS, durationSeconds: DURATION_SECONDS });
  const concerts = await ctx.measure({
    name: "GET /api/concerts",
    path: "/api/concerts",
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
  });
  const queries = await ctx.countQueries(async () => {
    for (let sent = 0; sent < QUERY_SAMPLE_REQUESTS; sent += 1) {
      const response = await fetch(`${ctx.baseUrl}/api/concerts`);
      if (!response.ok) throw new Error(`GET /api/concerts answered ${response.status}`);
      await response.arrayBuffer();
    }
  });
  return {
    reference,
    results: [{ ...concerts, queriesPerRequest: queries / QUERY_SAMPLE_REQUESTS }],
    notes: [`queries/request from ${QUERY_SAMPLE_REQUESTS} sequential requests (pg_stat_statements)`],
  };
}
