import { describe, expect, it } from "vitest";
import { summarizeWindow, type ProbeSample } from "./probe.ts";

describe("summarizeWindow", () => {
  it("counts the requests in flight during the window, stalls included, and ranks p50 and p99", () => {
    const samples: ProbeSample[] = [
      { sentAt: 50, ms: 900, status: 200 }, // answered before the window
      ...Array.from({ length: 99 }, (_, index) => ({ sentAt: 1_000 + index, ms: index + 1, status: 200 })),
      { sentAt: 500, ms: 5_000, status: 503 }, // sent before, answered long after: counts
      { sentAt: 1_600, ms: 30_000, status: 0 }, // no answer: an error, not a latency
      { sentAt: 3_000, ms: 1, status: 200 }, // after the window
    ];
    const measurement = summarizeWindow("health", samples, 1_000, 3_000, 5);
    expect(measurement).toMatchObject({
      requests: 100,
      errors: 1,
      status2xx: 99,
      status5xx: 1,
      statusCodes: { "200": 99, "503": 1 },
      p50Ms: 50,
      p99Ms: 99,
      durationSeconds: 2,
      rps: 50,
    });
  });

  it("reports no latency, not zero, when nothing was answered", () => {
    expect(summarizeWindow("poll", [], 0, 1_000, 5).p99Ms).toBeNaN();
  });
});
