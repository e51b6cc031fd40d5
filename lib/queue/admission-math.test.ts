import { describe, expect, it } from "vitest";
import {
  admissionAllowance,
  admissionBurst,
  aheadOf,
  DEFAULT_POLL_AFTER_MS,
  estimateWaitSeconds,
  expectedAdmissionsPerSecond,
  FAR_POLL_AFTER_MS,
  measureAdmissionsPerSecond,
  msPerAdmission,
  NEAR_FRONT_POLL_AFTER_MS,
  positionOf,
  progressTowardFront,
  recordCounterSample,
  shouldAdvance,
  suggestPollAfterMs,
  suggestPrequeuePollAfterMs,
  VERY_FAR_POLL_AFTER_MS,
} from "@/lib/queue/admission-math";

const MIDDLE = 0.5; // a random draw that adds no jitter

describe("position and ahead", () => {
  it("is the distance from the serving counter, 1 being next", () => {
    expect(positionOf(105, 100)).toBe(5);
    expect(aheadOf(5)).toBe(4);
    expect(positionOf(101, 100)).toBe(1);
    expect(aheadOf(1)).toBe(0);
  });

  it("never says less than 1 for a waiting fan whose ticket the counter has reached", () => {
    expect(positionOf(100, 100)).toBe(1);
    expect(positionOf(90, 100)).toBe(1);
  });
});

describe("waiting-time estimate", () => {
  it("divides the position by the measured rate, rounding up", () => {
    expect(estimateWaitSeconds({ position: 100, measuredPerSecond: 3, expectedPerSecond: 50 })).toBe(34);
  });

  it("falls back to the expected rate when nothing was measured", () => {
    expect(estimateWaitSeconds({ position: 100, measuredPerSecond: null, expectedPerSecond: 0.5 })).toBe(200);
  });

  it("is at least a second", () => {
    expect(estimateWaitSeconds({ position: 1, measuredPerSecond: 1_000, expectedPerSecond: 1 })).toBe(1);
  });

  it("expects the rate cap, or a full room's turnover when that is slower", () => {
    expect(expectedAdmissionsPerSecond({ ratePerMinute: 600, capacity: 100, windowSeconds: 600 })).toBeCloseTo(1 / 6);
    expect(expectedAdmissionsPerSecond({ ratePerMinute: 6, capacity: 1_000, windowSeconds: 600 })).toBeCloseTo(0.1);
  });
});

describe("measured admission rate", () => {
  it("is the counter's movement per second over the samples", () => {
    const samples = [
      { atMs: 0, servingCounter: 10 },
      { atMs: 5_000, servingCounter: 20 },
      { atMs: 10_000, servingCounter: 40 },
    ];
    expect(measureAdmissionsPerSecond(samples)).toBe(3);
  });

  it("is unknown over too short a span or without movement", () => {
    expect(measureAdmissionsPerSecond([])).toBeNull();
    expect(measureAdmissionsPerSecond([{ atMs: 0, servingCounter: 1 }, { atMs: 1_000, servingCounter: 9 }])).toBeNull();
    expect(measureAdmissionsPerSecond([{ atMs: 0, servingCounter: 5 }, { atMs: 30_000, servingCounter: 5 }])).toBeNull();
  });

  it("keeps about a minute of samples", () => {
    let samples = recordCounterSample([], { atMs: 0, servingCounter: 0 });
    for (let second = 1; second <= 120; second++) {
      samples = recordCounterSample(samples, { atMs: second * 1_000, servingCounter: second * 2 });
    }
    expect(samples[0]!.atMs).toBeGreaterThanOrEqual(59_000);
    expect(samples.at(-1)!.atMs).toBe(120_000);
    expect(measureAdmissionsPerSecond(samples)).toBeCloseTo(2);
  });
});

describe("poll pacing", () => {
  it("polls often near the front, every 5 s in the middle, rarely far back", () => {
    expect(suggestPollAfterMs({ position: 3, etaSeconds: 300, random: MIDDLE })).toBe(NEAR_FRONT_POLL_AFTER_MS);
    expect(suggestPollAfterMs({ position: 500, etaSeconds: 20, random: MIDDLE })).toBe(NEAR_FRONT_POLL_AFTER_MS);
    expect(suggestPollAfterMs({ position: 500, etaSeconds: 300, random: MIDDLE })).toBe(DEFAULT_POLL_AFTER_MS);
    expect(suggestPollAfterMs({ position: 500, etaSeconds: 1_800, random: MIDDLE })).toBe(FAR_POLL_AFTER_MS);
    expect(suggestPollAfterMs({ position: 50_000, etaSeconds: 7_200, random: MIDDLE })).toBe(VERY_FAR_POLL_AFTER_MS);
  });

  it("spreads fans who joined together by ±10 %", () => {
    expect(suggestPollAfterMs({ position: 500, etaSeconds: 300, random: 0 })).toBe(4_500);
    expect(suggestPollAfterMs({ position: 500, etaSeconds: 300, random: 0.999_999 })).toBe(5_500);
  });

  it("before opening, waits for the opening when it is near, and caps the wait when it is far", () => {
    expect(suggestPrequeuePollAfterMs({ msUntilOpen: 4_000, random: 0 })).toBe(4_000);
    expect(suggestPrequeuePollAfterMs({ msUntilOpen: 4_000, random: 0.5 })).toBe(5_500);
    expect(suggestPrequeuePollAfterMs({ msUntilOpen: 3_600_000, random: 0 })).toBe(VERY_FAR_POLL_AFTER_MS);
    expect(suggestPrequeuePollAfterMs({ msUntilOpen: -500, random: 0 })).toBe(1_000);
  });
});

describe("admission allowance (token bucket)", () => {
  const room = { capacity: 100, ratePerMinute: 600 }; // 10 per second

  it("admits the rate cap times the elapsed time, within the free places", () => {
    const allowance = admissionAllowance({ ...room, liveAdmitted: 0, nowMs: 10_500, lastAdvancedAtMs: 10_000 });
    expect(allowance).toEqual({ count: 5, bucketStartMs: 10_000 });
    expect(admissionAllowance({ ...room, liveAdmitted: 98, nowMs: 11_000, lastAdvancedAtMs: 10_000 }).count).toBe(2);
  });

  it("admits nobody when the room is full, or over capacity after the capacity was lowered", () => {
    expect(admissionAllowance({ ...room, liveAdmitted: 100, nowMs: 60_000, lastAdvancedAtMs: 0 }).count).toBe(0);
    expect(admissionAllowance({ ...room, liveAdmitted: 120, nowMs: 60_000, lastAdvancedAtMs: 0 }).count).toBe(0);
  });

  it("caps the credit after a long pause to a small burst", () => {
    expect(admissionBurst(room)).toBe(20);
    const allowance = admissionAllowance({ ...room, liveAdmitted: 0, nowMs: 3_600_000, lastAdvancedAtMs: 0 });
    expect(allowance.count).toBe(20);
    expect(allowance.bucketStartMs).toBe(3_600_000 - 2_000);
  });

  it("keeps fractions of credit, so the cap is met however often the leader runs", () => {
    const steady = { capacity: 1_000, ratePerMinute: 60, liveAdmitted: 0 }; // one per second
    let lastAdvancedAtMs = 0;
    let admitted = 0;
    for (let nowMs = 0; nowMs <= 59_500; nowMs += 700) {
      const allowance = admissionAllowance({ ...steady, nowMs, lastAdvancedAtMs });
      admitted += allowance.count;
      lastAdvancedAtMs = allowance.bucketStartMs + allowance.count * msPerAdmission(steady.ratePerMinute);
    }
    // Restarting the clock at every step would admit one per 1.4 s (42); keeping fractions admits one per second.
    expect(admitted).toBe(59);
  });

  it("never admits less than one at a time for a tiny rate cap", () => {
    expect(admissionBurst({ ratePerMinute: 1, capacity: 50 })).toBe(1);
    expect(admissionBurst({ ratePerMinute: 60_000, capacity: 3 })).toBe(3);
  });
});

describe("progress toward the front", () => {
  it("moves from 0 at the place of joining to 1 at the front", () => {
    expect(progressTowardFront(200, 200)).toBe(0);
    expect(progressTowardFront(200, 50)).toBe(0.75);
    expect(progressTowardFront(200, 0)).toBe(1);
  });

  it("does not go backwards when the place grows (e.g. a stale start)", () => {
    expect(progressTowardFront(10, 40)).toBe(0);
  });
});

describe("whether an admission step is worth running", () => {
  const room = {
    isOpen: true,
    isPaused: false,
    isPrequeueOrdered: true,
    lastTicket: 500,
    servingCounter: 100,
    liveAdmitted: 100,
    capacity: 100,
    nextLapseMs: 90_000,
    nowMs: 60_000,
  };

  it("skips a full room whose admitted fans all have time left", () => {
    expect(shouldAdvance(room)).toBe(false);
  });

  it("runs when a place is free or a turn has lapsed, and someone waits", () => {
    expect(shouldAdvance({ ...room, liveAdmitted: 99 })).toBe(true);
    expect(shouldAdvance({ ...room, nextLapseMs: 59_000 })).toBe(true);
    expect(shouldAdvance({ ...room, liveAdmitted: 0, lastTicket: 100 })).toBe(false);
  });

  it("draws the pre-queue once the room opens, and does nothing before", () => {
    expect(shouldAdvance({ ...room, isPrequeueOrdered: false, lastTicket: 0, servingCounter: 0 })).toBe(true);
    expect(shouldAdvance({ ...room, isOpen: false, isPrequeueOrdered: false, liveAdmitted: 0 })).toBe(false);
  });

  it("skips a paused room, however many places are free", () => {
    expect(shouldAdvance({ ...room, isPaused: true, liveAdmitted: 0 })).toBe(false);
    expect(shouldAdvance({ ...room, isPaused: true, isPrequeueOrdered: false })).toBe(false);
  });
});
