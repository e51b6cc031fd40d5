// The server Playwright tests against (playwright.config.ts webServer): a
// fresh embedded PostgreSQL wiped on every run, migrated and seeded, and a
// production build in .next-e2e (rebuilt only when sources changed).
import { logger, portFromEnv } from "./lib/settings.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { onShutdownSignal, StopList } from "./lib/shutdown.ts";

const E2E_DEFAULT_PORT = 3200;
const E2E_DEFAULT_POSTGRES_PORT = 54333;

const log = logger("e2e-server");
const running = new StopList();

async function main(): Promise<void> {
  onShutdownSignal(() => running.stopAll(), log);
  const { server } = await startLocalStack({
    mode: "start",
    embedded: {
      dataDir: ".data/e2e-postgres",
      port: portFromEnv("E2E_POSTGRES_PORT", E2E_DEFAULT_POSTGRES_PORT),
      isFresh: true,
      databaseName: "encore_e2e",
    },
    distDir: ".next-e2e",
    port: portFromEnv("E2E_PORT", E2E_DEFAULT_PORT),
    // Generated secrets for this run live beside its database.
    serverEnv: { ENCORE_DATA_DIR: ".data/e2e-secrets" },
    running,
    log,
  });
  log(`Ready at ${server.url}`);
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
