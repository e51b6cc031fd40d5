import { describe, expect, it } from "vitest";
import { EndedTokenSet, parseEndedTokens } from "@/lib/queue/ended-tokens";

const NOW_MS = 1_000_000;

describe("ended tokens a process remembers", () => {
  it("reads the rows SQL sends and skips malformed ones", () => {
    expect(parseEndedTokens([["a", 5, null], ["b", null, 123.5], [1, 2, 3], "x"])).toEqual([
      { id: "a", ticket: 5, admittedUntilMs: null },
      { id: "b", ticket: null, admittedUntilMs: 123.5 },
    ]);
    expect(parseEndedTokens(null)).toEqual([]);
  });

  it("forgets a token once its poll would reach the database anyway", () => {
    const ended = new EndedTokenSet();
    ended.addAll([
      { id: "left-ahead", ticket: 50, admittedUntilMs: null },
      { id: "left-passed", ticket: 10, admittedUntilMs: null },
      { id: "paid-with-time-left", ticket: 5, admittedUntilMs: NOW_MS + 60_000 },
      { id: "paid-window-over", ticket: 6, admittedUntilMs: NOW_MS - 1 },
      { id: "left-prequeue", ticket: null, admittedUntilMs: null },
    ]);

    ended.prune({ servingCounter: 20, isPrequeueOrdered: false, nowMs: NOW_MS });
    expect(["left-ahead", "paid-with-time-left", "left-prequeue"].every((id) => ended.has(id))).toBe(true);
    expect(ended.has("left-passed") || ended.has("paid-window-over")).toBe(false);

    ended.prune({ servingCounter: 20, isPrequeueOrdered: true, nowMs: NOW_MS });
    expect(ended.has("left-prequeue")).toBe(false);
    expect(ended.size).toBe(2);
  });
});
