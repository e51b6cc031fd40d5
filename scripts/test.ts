// `npm test`: every check the project has, in order, stopping at the first
// failure: prisma generate, type check, lint, unit, integration (real
// PostgreSQL), e2e (Playwright on a production build). Ends with one line:
// "N passed, M failed".
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./lib/settings.ts";
import { countPlaywright, countVitest, sumCounts, type TestCounts } from "./lib/test-counts.ts";

const REPORTS_DIR = path.join(REPO_ROOT, ".data", "test-reports");
const bin = (name: string) => path.join(REPO_ROOT, "node_modules", ".bin", name);
const report = (name: string) => path.join(REPORTS_DIR, `${name}.json`);

type Step = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Tests counted from the runner's JSON report. */
  counts?: () => TestCounts | undefined;
};

const STEPS: Step[] = [
  { name: "prisma generate", command: bin("tsx"), args: ["scripts/prisma-generate.ts"] },
  { name: "type check", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["."] },
  ...(["unit", "integration"] as const).map((project) => ({
    name: `${project} tests`,
    command: bin("vitest"),
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report(project)}`],
    counts: () => countVitest(report(project)),
  })),
  {
    name: "e2e tests",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report("e2e") },
    counts: () => countPlaywright(report("e2e")),
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: REPO_ROOT, stdio: "inherit", env: { ...process.env, ...step.env } });
    child.once("error", (error) => {
      console.error(error);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function describeCounts(counts: TestCounts | undefined): string {
  if (!counts) return "";
  return ` — ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
}

async function main(): Promise<void> {
  rmSync(REPORTS_DIR, { recursive: true, force: true });
  mkdirSync(REPORTS_DIR, { recursive: true });
  const summary: string[] = [];
  const allCounts: TestCounts[] = [];
  let failedStep: string | undefined;
  for (const step of STEPS) {
    console.log(`\n━━ ${step.name} ━━`);
    const startedAt = Date.now();
    const exitCode = await run(step);
    const counts = step.counts?.();
    if (counts) allCounts.push(counts);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
    // A runner whose report counts a failed test has failed, whatever its exit code says.
    const isPassed = exitCode === 0 && !(counts && counts.failed > 0);
    summary.push(`  ${isPassed ? "✓" : "✗"} ${step.name} (${seconds} s)${describeCounts(counts)}`);
    if (!isPassed) {
      failedStep = step.name;
      break;
    }
  }
  const skippedSteps = STEPS.slice(summary.length).map((step) => `  – ${step.name} (not run)`);
  const total = sumCounts(allCounts);
  // A failing step that reported no failing test (tsc, eslint, a crash) still counts as a failure.
  const failed = Math.max(total.failed, failedStep ? 1 : 0);
  console.log(["", "━━ summary ━━", ...summary, ...skippedSteps].join("\n"));
  if (failedStep) console.log(`\nStopped at: ${failedStep}`);
  console.log(`\n${total.passed} passed, ${failed} failed`);
  process.exit(failedStep ? 1 : 0);
}

void main();
