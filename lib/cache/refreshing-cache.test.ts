import { describe, expect, it } from "vitest";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function cacheAt(clock: { now: number }, options: { maxEntries?: number } = {}) {
  return new RefreshingCache<string>({ freshMs: 1_000, maxEntries: options.maxEntries ?? 10, now: () => clock.now });
}

describe("RefreshingCache", () => {
  it("answers from one read until it is freshMs old, then reads again", async () => {
    const clock = { now: 10_000 };
    const cache = cacheAt(clock);
    let reads = 0;
    const load = async () => `read ${++reads}`;

    expect(await cache.get("a", load)).toBe("read 1");
    clock.now += 999;
    expect(await cache.get("a", load)).toBe("read 1");
    clock.now += 1;
    expect(await cache.get("a", load)).toBe("read 2");
    expect(reads).toBe(2);
  });

  it("lets concurrent callers share one read in flight", async () => {
    const cache = cacheAt({ now: 0 });
    const read = deferred<string>();
    let reads = 0;
    const load = () => {
      reads += 1;
      return read.promise;
    };

    const answers = Promise.all(Array.from({ length: 100 }, () => cache.get("a", load)));
    read.resolve("shared");

    expect(await answers).toEqual(Array(100).fill("shared"));
    expect(reads).toBe(1);
  });

  it("reads again after markStale, also when a read begun before it is still in flight", async () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    const early = deferred<string>();
    const earlyAnswer = cache.get("a", () => early.promise);
    clock.now += 5;
    cache.markStale("a");
    clock.now += 5;

    const late = cache.get("a", async () => "after the change");
    early.resolve("before the change");

    expect(await earlyAnswer).toBe("before the change");
    expect(await late).toBe("after the change");
    // The later read is the one kept, though the earlier one finished last.
    expect(await cache.get("a", async () => "unexpected read")).toBe("after the change");
  });

  it("does not remember a failed read", async () => {
    const cache = cacheAt({ now: 0 });
    await expect(cache.get("a", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("a", async () => "recovered")).toBe("recovered");
  });

  it("keeps at most maxEntries keys, forgetting the oldest", async () => {
    const cache = cacheAt({ now: 0 }, { maxEntries: 2 });
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    await cache.get("c", async () => "c1");

    expect(await cache.get("b", async () => "b2")).toBe("b1");
    expect(await cache.get("a", async () => "a2")).toBe("a2");
  });
});
