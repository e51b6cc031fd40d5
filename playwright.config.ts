import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (npx playwright install cannot download here); Playwright's
// own build is used where it exists and this one does not.
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://localhost:${port}`;
const DESKTOP = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Separate folders let two runs on one machine keep their own traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  // The catalogue spec checks the demo catalogue as seeded, so it runs before the
  // other specs add concerts of their own (e2e/fixtures.ts) to it.
  projects: [
    { name: "catalogue", testMatch: "catalog.spec.ts", use: DESKTOP },
    { name: "chromium", testIgnore: "catalog.spec.ts", dependencies: ["catalogue"], use: DESKTOP },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // A first run builds the app (a minute or two on a small machine).
    timeout: 600_000,
    // Always a fresh database: never attach to a server left from another run.
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Lets the script stop Next and then PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
