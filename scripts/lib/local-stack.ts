// Database + build + Next server: what `npm start`, the e2e server and the
// benchmarks each bring up, differing only in folders, ports and settings.
import { buildIfStale } from "./build.ts";
import { prepareDatabase, type PreparedDatabase } from "./database.ts";
import { startNextServer, type RunningNext } from "./next-server.ts";
import { isPortFree } from "./port.ts";
import { REPO_ROOT } from "./settings.ts";
import type { StopList } from "./shutdown.ts";

export type LocalStackOptions = {
  mode: "start" | "dev";
  /** Use this database as it is; otherwise the embedded server below. */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number; isFresh?: boolean; databaseName: string };
  /** Runs after migrations and seeding, before the build (e.g. CREATE EXTENSION). */
  onDatabaseReady?: (databaseUrl: string) => Promise<void>;
  distDir: string;
  port: number;
  /** Settings for the server on top of DATABASE_URL and ENCORE_LOCAL=true. */
  serverEnv?: Record<string, string>;
  serverOutput?: "inherit" | "ignore";
  /** Everything started is registered here, newest first, so a signal mid-start stops it. */
  running: StopList;
  log: (line: string) => void;
};

export type LocalStack = { database: PreparedDatabase; server: RunningNext };

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  if (!(await isPortFree(options.port))) {
    throw new Error(`Port ${options.port} is already in use. Stop whatever runs there, or choose another port.`);
  }
  const database = await prepareDatabase({
    root: REPO_ROOT,
    databaseUrl: options.databaseUrl,
    embedded: options.embedded,
    log: options.log,
  });
  options.running.add(database.stop);
  await options.onDatabaseReady?.(database.url);

  const serverEnv = { ...options.serverEnv, DATABASE_URL: database.url, ENCORE_LOCAL: "true", PORT: String(options.port) };
  if (options.mode === "start") {
    const { isRebuilt } = await buildIfStale({ root: REPO_ROOT, distDir: options.distDir, env: serverEnv, log: options.log });
    if (!isRebuilt) options.log(`The production build in ${options.distDir} is up to date.`);
  }
  const server = startNextServer({
    root: REPO_ROOT,
    mode: options.mode,
    distDir: options.distDir,
    port: options.port,
    env: serverEnv,
    output: options.serverOutput,
  });
  options.running.add(server.stop);
  await server.ready;
  return { database, server };
}
