import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countPlaywright, countVitest, sumCounts } from "./test-counts.ts";

const dir = mkdtempSync(path.join(tmpdir(), "encore-counts-"));

function report(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe("test counts", () => {
  it("reads vitest's JSON report", () => {
    const file = report("unit.json", { numPassedTests: 41, numFailedTests: 2, numPendingTests: 1, numTodoTests: 0 });
    expect(countVitest(file)).toEqual({ passed: 41, failed: 2, skipped: 1 });
  });

  it("reads Playwright's JSON report, counting flaky tests as failures", () => {
    const file = report("e2e.json", { stats: { expected: 11, unexpected: 1, flaky: 1, skipped: 0 } });
    expect(countPlaywright(file)).toEqual({ passed: 11, failed: 2, skipped: 0 });
  });

  it("gives nothing for a missing or foreign report", () => {
    expect(countVitest(path.join(dir, "missing.json"))).toBeUndefined();
    expect(countPlaywright(report("other.json", { hello: 1 }))).toBeUndefined();
  });

  it("adds the tiers up", () => {
    expect(sumCounts([{ passed: 3, failed: 0, skipped: 1 }, { passed: 4, failed: 1, skipped: 0 }])).toEqual({
      passed: 7,
      failed: 1,
      skipped: 1,
    });
  });
});
