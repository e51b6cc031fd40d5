import { describe, expect, it } from "vitest";
import { countInversions, fairness, percentile, ratePerMinute } from "./onsale-stats.ts";

describe("percentile", () => {
  it("picks by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("countInversions", () => {
  it("counts strictly inverted pairs", () => {
    expect(countInversions([1, 2, 3])).toBe(0);
    expect(countInversions([3, 2, 1])).toBe(3);
    expect(countInversions([2, 2, 1])).toBe(2);
    expect(countInversions([1, 1, 1])).toBe(0);
    expect(countInversions([])).toBe(0);
  });

  it("agrees with counting every pair", () => {
    const values = Array.from({ length: 300 }, (_, index) => (index * 7919) % 101);
    let pairs = 0;
    for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i]! > values[j]!) pairs++;
    expect(countInversions(values)).toBe(pairs);
  });
});

describe("fairness", () => {
  it("finds no inversion when fans are admitted in ticket order, batches sharing a time", () => {
    const places = [1, 2, 3, 4].map((ticket) => ({ isPrequeued: false, joinedAtMs: 0, ticket, admittedAtMs: ticket <= 2 ? 10 : 20 }));
    expect(fairness(places)).toEqual({ admitted: 4, inversions: 0, prequeueDrawInversions: 0, inversionsOutsideDraw: 0 });
  });

  it("keeps the pre-queue draw's shuffling apart from inversions that count", () => {
    const places = [
      // Pre-queued: joined at 1 and 2, drawn the other way round.
      { isPrequeued: true, joinedAtMs: 1, ticket: 2, admittedAtMs: 20 },
      { isPrequeued: true, joinedAtMs: 2, ticket: 1, admittedAtMs: 10 },
      // After opening: ticket 3 admitted after ticket 4.
      { isPrequeued: false, joinedAtMs: 5, ticket: 3, admittedAtMs: 40 },
      { isPrequeued: false, joinedAtMs: 6, ticket: 4, admittedAtMs: 30 },
    ];
    expect(fairness(places)).toEqual({ admitted: 4, inversions: 2, prequeueDrawInversions: 1, inversionsOutsideDraw: 1 });
  });

  it("counts a later joiner admitted before a pre-queued fan", () => {
    const places = [
      { isPrequeued: true, joinedAtMs: 1, ticket: 1, admittedAtMs: 50 },
      { isPrequeued: false, joinedAtMs: 9, ticket: 2, admittedAtMs: 10 },
    ];
    expect(fairness(places).inversionsOutsideDraw).toBe(1);
  });
});

describe("ratePerMinute", () => {
  it("buckets events and scales them to a minute", () => {
    const rates = ratePerMinute(
      [
        { atMs: 1_000, count: 2 },
        { atMs: 9_999, count: 1 },
        { atMs: 10_000, count: 4 },
        { atMs: 99_000, count: 5 },
      ],
      { startMs: 0, endMs: 20_000, bucketMs: 10_000 },
    );
    expect(rates).toEqual([
      { startSeconds: 0, perMinute: 18 },
      { startSeconds: 10, perMinute: 24 },
    ]);
  });
});
