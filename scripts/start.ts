// `npm start`: Encore on this machine in one command. Starts the embedded
// PostgreSQL unless DATABASE_URL is set, migrates, seeds an empty database,
// builds when the sources changed, then serves on PORT (default 3000).
// `npm run dev` does the same with `next dev` instead of a production build.
import path from "node:path";
import { DEMO_USERS } from "../prisma/seed-data.ts";
import { loadEnvFile } from "./lib/env-file.ts";
import { startLocalStack } from "./lib/local-stack.ts";
import { logger, portFromEnv, REPO_ROOT } from "./lib/settings.ts";
import { onShutdownSignal, StopList } from "./lib/shutdown.ts";

const DEFAULT_PORT = 3000;
const DEFAULT_POSTGRES_PORT = 54329;

const log = logger("encore");
const isDev = process.argv.includes("--dev");
const running = new StopList();

function printBanner(options: { url: string; database: string }): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const accounts = DEMO_USERS.map(
    (user) => `    ${user.email.padEnd(width)}  ${user.password}${user.role === "ADMIN" ? "  (operator)" : ""}`,
  );
  console.log(
    [
      "",
      `  Encore is running at ${options.url}${isDev ? " (development mode)" : ""}`,
      `  Database: ${options.database}`,
      "  Demo accounts (email, password):",
      ...accounts,
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const loaded = loadEnvFile(".env");
  if (loaded.length) log(`Loaded ${loaded.join(", ")} from .env`);
  const port = portFromEnv("PORT", DEFAULT_PORT);
  const postgresPort = portFromEnv("ENCORE_POSTGRES_PORT", DEFAULT_POSTGRES_PORT);
  const dataDir = path.join(process.env.ENCORE_DATA_DIR || ".data", "postgres");
  onShutdownSignal(() => running.stopAll(), log);

  const { database, server } = await startLocalStack({
    mode: isDev ? "dev" : "start",
    databaseUrl: process.env.DATABASE_URL || undefined,
    embedded: { dataDir, port: postgresPort, databaseName: "encore" },
    distDir: process.env.NEXT_DIST_DIR || ".next",
    port,
    running,
    log,
  });
  printBanner({
    url: server.url,
    database: database.isEmbedded ? `embedded PostgreSQL (${dataDir}, port ${postgresPort})` : "DATABASE_URL",
  });

  const exitCode = await server.exited;
  // On Ctrl-C the shutdown handler stops the rest and exits 0.
  if (running.isStopping) return;
  log(`The web server stopped by itself (exit code ${exitCode}); stopping the database.`);
  await running.stopAll();
  process.exit(1);
}

main().catch(async (error: unknown) => {
  if (running.isStopping) return;
  console.error(`\n[encore] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  await running.stopAll();
  process.exit(1);
});
