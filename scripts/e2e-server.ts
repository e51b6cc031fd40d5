// The server Playwright tests against (playwright.config.ts webServer): a
// fresh embedded PostgreSQL wiped on every run, migrated and seeded, and a
// production build in .next-e2e (rebuilt only when sources changed).
import { logger, portFromEnv } from "./lib/settings.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { writeFileSync } from "node:fs";
import { secondServerPidFile } from "./lib/e2e-second-server.ts";
import { startNextServer, type RunningNext } from "./lib/next-server.ts";
import { REPO_ROOT } from "./lib/settings.ts";
import { onShutdownSignal, StopList } from "./lib/shutdown.ts";

const E2E_DEFAULT_PORT = 3200;
const E2E_DEFAULT_POSTGRES_PORT = 54333;
const E2E_DIST_DIR = ".next-e2e";
const E2E_SECRETS_DIR = ".data/e2e-secrets";

const log = logger("e2e-server");
const running = new StopList();

async function main(): Promise<void> {
  onShutdownSignal(() => running.stopAll(), log);
  const port = portFromEnv("E2E_PORT", E2E_DEFAULT_PORT);
  const { server, database } = await startLocalStack({
    mode: "start",
    embedded: {
      dataDir: ".data/e2e-postgres",
      port: portFromEnv("E2E_POSTGRES_PORT", E2E_DEFAULT_POSTGRES_PORT),
      isFresh: true,
      databaseName: "encore_e2e",
    },
    distDir: E2E_DIST_DIR,
    port,
    // Generated secrets for this run live beside its database.
    serverEnv: { ENCORE_DATA_DIR: E2E_SECRETS_DIR },
    running,
    log,
  });
  // A second app process on the same database and secrets, as behind a load
  // balancer: e2e/scale-out.spec.ts splits its traffic across both, and kills
  // it with SIGKILL mid-storm (its pid is in secondServerPidFile); like a
  // process manager, this script starts it again whenever it dies.
  const secondPort = portFromEnv("E2E_SECOND_PORT", port + 1);
  const startSecond = (): RunningNext => {
    const started = startNextServer({
      root: REPO_ROOT,
      mode: "start",
      distDir: E2E_DIST_DIR,
      port: secondPort,
      env: { ENCORE_DATA_DIR: E2E_SECRETS_DIR, DATABASE_URL: database.url, ENCORE_LOCAL: "true" },
    });
    writeFileSync(secondServerPidFile(secondPort), String(started.pid));
    let isReady = false;
    started.ready.then(
      () => (isReady = true),
      (error: unknown) => log(`The second app process did not start: ${error instanceof Error ? error.message : String(error)}`),
    );
    void started.exited.then(() => {
      // One that never came up is not restarted: it would only fail again.
      if (running.isStopping || second !== started || !isReady) return;
      log(`The second app process (pid ${started.pid}) died; starting it again.`);
      second = startSecond();
    });
    return started;
  };
  let second = startSecond();
  running.add(() => second.stop());
  await second.ready;
  log(`Ready at ${server.url} and ${second.url}`);
  await server.exited;
  if (!running.isStopping) {
    await running.stopAll();
    process.exit(1);
  }
}

main().catch(async (error: unknown) => {
  if (running.isStopping) return;
  console.error(`[e2e-server] ${error instanceof Error ? error.message : String(error)}`);
  await running.stopAll();
  process.exit(1);
});
