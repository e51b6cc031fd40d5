// What a scenario gets: the running server, the database behind it, and the
// measuring tools. This is the stable API scenarios are written against.
import type { Database } from "@/lib/db/client";
import type { QueryCounter } from "./count-queries.ts";
import { createFans, type BenchFan } from "./fans.ts";
import { measure, type Measurement, type MeasureOptions } from "./measure.ts";
import type { ScenarioReport } from "./report.ts";

export type { BenchFan } from "./fans.ts";
export type { BenchRequest, Measurement, MeasureOptions } from "./measure.ts";
export type { ScenarioReport, ScenarioResult } from "./report.ts";

/** The path of the reference route: the wrapper and a JSON body, no database work. */
export const REFERENCE_PATH = "/api/bench/noop";

/** Where `npm run bench` keeps its own embedded PostgreSQL (unused when BENCH_DATABASE_URL names another server). */
export const BENCH_POSTGRES_DATA_DIR = ".data/bench-postgres";

export type BenchSecrets = { SESSION_SECRET: string; QUEUE_TOKEN_SECRET: string; CRON_SECRET: string };

export type BenchContext = {
  /** e.g. http://localhost:3300 — the production build under test. */
  baseUrl: string;
  /** Prisma client on the bench database, for setting up data directly. */
  db: Database;
  databaseUrl: string;
  /**
   * The secrets the server runs with. They are also in this process's env, so
   * app code works here as in the server: createSession, sealQueueToken, db().
   */
  secrets: BenchSecrets;
  /** Load with autocannon; see MeasureOptions. */
  measure: (options: MeasureOptions) => Promise<Measurement>;
  /** The same load shape against the reference route (same connections and duration). */
  measureReference: (options?: Pick<MeasureOptions, "connections" | "durationSeconds" | "warmupSeconds">) => Promise<Measurement>;
  /** SQL statements the bench database executed while `work` ran (pg_stat_statements delta). */
  countQueries: (work: () => Promise<unknown>) => Promise<number>;
  /** N new fans with live sessions (cookie ready for the Cookie header). */
  createFans: (count: number) => Promise<BenchFan[]>;
  log: (line: string) => void;
};

/** A file in bench/scenarios default-exports one of these. */
export type Scenario = (ctx: BenchContext) => Promise<ScenarioReport>;

export function createBenchContext(options: {
  baseUrl: string;
  db: Database;
  databaseUrl: string;
  secrets: BenchSecrets;
  queryCounter: QueryCounter;
  log: (line: string) => void;
}): BenchContext {
  const { baseUrl, db } = options;
  return {
    baseUrl,
    db,
    databaseUrl: options.databaseUrl,
    secrets: options.secrets,
    measure: (measureOptions) => measure(baseUrl, measureOptions),
    measureReference: (shape = {}) => measure(baseUrl, { name: "noop", path: REFERENCE_PATH, ...shape }),
    countQueries: options.queryCounter.count,
    createFans: (count) => createFans(db, count),
    log: options.log,
  };
}
