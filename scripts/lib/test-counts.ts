// Reads pass/fail counts from the JSON reports of vitest and Playwright.
import { existsSync, readFileSync } from "node:fs";

export type TestCounts = { passed: number; failed: number; skipped: number };

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

/** vitest --reporter=json: numPassedTests, numFailedTests, numPendingTests, numTodoTests. */
export function countVitest(file: string): TestCounts | undefined {
  const report = readJson(file) as Record<string, number> | undefined;
  if (!report || typeof report.numPassedTests !== "number") return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright --reporter=json: stats.expected / unexpected / flaky / skipped. */
export function countPlaywright(file: string): TestCounts | undefined {
  const report = readJson(file) as { stats?: Record<string, number> } | undefined;
  const stats = report?.stats;
  if (!stats || typeof stats.expected !== "number") return undefined;
  return { passed: stats.expected, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 };
}

export function sumCounts(counts: TestCounts[]): TestCounts {
  return counts.reduce(
    (total, count) => ({ passed: total.passed + count.passed, failed: total.failed + count.failed, skipped: total.skipped + count.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}
