// `npm run bench -- [scenario…]`: brings up a production build on a fresh
// database, runs the named scenarios (all when none is named) and prints
// their numbers next to the reference route measured in the same run.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { startLocalStack } from "../scripts/lib/local-stack.ts";
import { logger, portFromEnv, REPO_ROOT } from "../scripts/lib/settings.ts";
import { onShutdownSignal, StopList } from "../scripts/lib/shutdown.ts";
import { openQueryCounter } from "./lib/count-queries.ts";
import { BENCH_POSTGRES_DATA_DIR, createBenchContext, REFERENCE_PATH, type BenchSecrets, type Scenario } from "./lib/context.ts";
import { formatReport, saveReport } from "./lib/report.ts";

const SCENARIOS_DIR = path.join(REPO_ROOT, "bench", "scenarios");
const RESULTS_DIR = path.join(REPO_ROOT, "bench", "results");
const DEFAULT_PORT = 3300;
const DEFAULT_POSTGRES_PORT = 54332;

const log = logger("bench");
const running = new StopList();

function availableScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => file.slice(0, -".ts".length))
    .sort();
}

function chooseScenarios(requested: string[]): string[] {
  const available = availableScenarios();
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length) throw new Error(`Unknown scenario(s): ${unknown.join(", ")}. Available: ${available.join(", ")}.`);
  return requested.length ? requested : available;
}

function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The server and this process share the secrets and database, so app code can mint sessions and tokens here. */
function shareSettings(secrets: BenchSecrets): void {
  Object.assign(process.env, secrets, { ENCORE_LOCAL: "true", ENCORE_DATA_DIR: ".data/bench-secrets" });
}

async function enableStatementStats(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  } finally {
    await client.end();
  }
}

async function runScenario(name: string, context: ReturnType<typeof createBenchContext>): Promise<boolean> {
  const startedAt = new Date();
  log(`Running ${name}…`);
  try {
    const scenarioModule = (await import(pathToFileURL(path.join(SCENARIOS_DIR, `${name}.ts`)).href)) as { default?: Scenario };
    if (typeof scenarioModule.default !== "function") throw new Error(`bench/scenarios/${name}.ts has no default export function.`);
    const report = await scenarioModule.default(context);
    console.log(formatReport(name, report));
    log(`Saved ${path.relative(REPO_ROOT, saveReport(RESULTS_DIR, name, report, startedAt))}`);
    return true;
  } catch (error) {
    console.error(`\n[bench] Scenario ${name} failed:`, error);
    return false;
  }
}

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const scenarios = chooseScenarios(process.argv.slice(2).filter((arg) => !arg.startsWith("-")));
  onShutdownSignal(() => running.stopAll(), log);
  const secrets: BenchSecrets = { SESSION_SECRET: newSecret(), QUEUE_TOKEN_SECRET: newSecret(), CRON_SECRET: newSecret() };
  shareSettings(secrets);

  const { database, server } = await startLocalStack({
    mode: "start",
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    embedded: {
      dataDir: BENCH_POSTGRES_DATA_DIR,
      port: portFromEnv("BENCH_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
      isFresh: true,
      databaseName: "encore_bench",
    },
    onDatabaseReady: enableStatementStats,
    distDir: ".next-bench",
    port: portFromEnv("BENCH_PORT", DEFAULT_PORT),
    serverEnv: { ...secrets, ENCORE_BENCH: "true" },
    // Next's request log would drown the report; its errors still show on stderr.
    serverOutput: "ignore",
    running,
    log,
  });
  process.env.DATABASE_URL = database.url;
  const { createPrismaClient } = await import("@/lib/db/client");
  const db = createPrismaClient({ connectionString: database.url, poolSize: 10 });
  running.add(() => db.$disconnect());
  const queryCounter = await openQueryCounter(database.url, log);
  running.add(queryCounter.close);
  const reference = await fetch(`${server.url}${REFERENCE_PATH}`);
  if (!reference.ok) throw new Error(`${REFERENCE_PATH} answered ${reference.status}; is ENCORE_BENCH reaching the server?`);

  log(`Server ${server.url} on ${database.isEmbedded ? "a fresh embedded PostgreSQL" : "BENCH_DATABASE_URL"}; ` +
    `${os.cpus().length} CPUs, Node ${process.version}. Compare ratios, not raw numbers, across runs.`);
  const context = createBenchContext({ baseUrl: server.url, db, databaseUrl: database.url, secrets, queryCounter, log });
  let failed = 0;
  for (const name of scenarios) if (!(await runScenario(name, context))) failed += 1;
  await running.stopAll();
  log(failed ? `${failed} scenario(s) failed.` : `${scenarios.length} scenario(s) done.`);
  process.exit(failed ? 1 : 0);
}

main().catch(async (error: unknown) => {
  if (running.isStopping) return;
  console.error(`\n[bench] ${error instanceof Error ? error.message : String(error)}`);
  await running.stopAll();
  process.exit(1);
});
