import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure.ts";
import { formatReport, ratioToReference, summaryLine } from "./report.ts";

function measurement(name: string, rps: number, p99Ms: number): Measurement {
  return {
    name, rps, p50Ms: p99Ms / 2, p99Ms, requests: rps * 10, status2xx: rps * 10, status4xx: 0, status5xx: 0,
    errors: 0, statusCodes: { "200": rps * 10 }, connections: 20, durationSeconds: 10,
  };
}

const reference = measurement("noop", 1_500, 20);

describe("bench report", () => {
  it("states each result as a ratio to the reference", () => {
    const poll = measurement("poll", 1_234, 12);
    expect(ratioToReference(poll, reference)).toBeCloseTo(0.8227, 3);
    expect(summaryLine(poll, reference)).toBe("poll 1,234 rps = 0.82× reference, p99 12 ms");
    expect(summaryLine({ ...poll, queriesPerRequest: 0 }, reference)).toBe(
      "poll 1,234 rps = 0.82× reference, p99 12 ms, 0 queries/request",
    );
  });

  it("prints a table with the reference first, then the results and notes", () => {
    const text = formatReport("queue", {
      reference,
      results: [measurement("join", 300, 80)],
      notes: ["tokens were distinct"],
    });
    const lines = text.split("\n");
    expect(lines[1]).toBe("== queue ==");
    expect(lines.findIndex((line) => line.includes("noop (reference)"))).toBeLessThan(lines.findIndex((line) => line.includes("join")));
    expect(text).toContain("join 300 rps = 0.20× reference, p99 80 ms");
    expect(text).toContain("· tokens were distinct");
  });

  it("states a result measured in rounds of its own against its own reference", () => {
    const holds = { ...measurement("holds", 600, 50), ownReference: measurement("noop", 1_200, 20) };
    const text = formatReport("arena", { reference, results: [holds] });
    expect(text).toContain("holds 600 rps = 0.50× reference, p99 50 ms");
    expect(text.split("\n").find((line) => line.trimStart().startsWith("holds  "))).toContain("0.50×");
  });

  it("reports a zero ratio instead of dividing by zero", () => {
    expect(ratioToReference(measurement("x", 10, 1), measurement("noop", 0, 1))).toBe(0);
  });
});
