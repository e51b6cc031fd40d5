import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { batchedLookup, batchedLookupByDb } from "@/lib/db/batched-lookup";

/** A loadMany whose calls are answered by hand, to control what is in flight. */
function controlledLoader() {
  const calls: { keys: number[]; answer: (found: Map<number, string>) => void; fail: (error: Error) => void }[] = [];
  const loadMany = (keys: number[]) =>
    new Promise<Map<number, string>>((resolve, reject) => calls.push({ keys, answer: resolve, fail: reject }));
  return { calls, loadMany };
}

const found = (keys: number[]) => new Map(keys.filter((key) => key > 0).map((key) => [key, `value ${key}`]));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("batchedLookup", () => {
  it("sends a lookup at once when none is in flight", async () => {
    const { calls, loadMany } = controlledLoader();
    const lookup = batchedLookup(loadMany, { maxBatch: 10 });
    const answer = lookup(1);
    expect(calls.map((call) => call.keys)).toEqual([[1]]);
    calls[0]!.answer(found([1]));
    await expect(answer).resolves.toBe("value 1");
  });

  it("sends the lookups asked for while one is in flight together, once it answers", async () => {
    const { calls, loadMany } = controlledLoader();
    const lookup = batchedLookup(loadMany, { maxBatch: 10 });
    const first = lookup(1);
    const waiting = [lookup(2), lookup(3), lookup(2), lookup(-4)];
    expect(calls).toHaveLength(1);

    calls[0]!.answer(found([1]));
    await settle();
    expect(calls.map((call) => call.keys)).toEqual([[1], [2, 3, -4]]);
    calls[1]!.answer(found(calls[1]!.keys));
    await expect(first).resolves.toBe("value 1");
    // Each caller gets its own key's answer; a key that was not found answers undefined.
    await expect(Promise.all(waiting)).resolves.toEqual(["value 2", "value 3", "value 2", undefined]);
  });

  it("never puts more than maxBatch keys in one statement", async () => {
    const { calls, loadMany } = controlledLoader();
    const lookup = batchedLookup(loadMany, { maxBatch: 2 });
    const answers = [1, 2, 3, 4, 5].map((key) => lookup(key));
    for (let index = 0; index < 3; index++) {
      calls[index]!.answer(found(calls[index]!.keys));
      await settle();
    }
    expect(calls.map((call) => call.keys)).toEqual([[1], [2, 3], [4, 5]]);
    await expect(Promise.all(answers)).resolves.toEqual(["value 1", "value 2", "value 3", "value 4", "value 5"]);
  });

  it("fails only the lookups of a failed batch, and goes on with the next", async () => {
    const { calls, loadMany } = controlledLoader();
    const lookup = batchedLookup(loadMany, { maxBatch: 10 });
    const first = lookup(1);
    const second = lookup(2);
    calls[0]!.fail(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await settle();
    calls[1]!.answer(found([2]));
    await expect(second).resolves.toBe("value 2");
  });

  it("treats a loader that throws at once like one that fails", async () => {
    const lookup = batchedLookup<number, string>(() => {
      throw new Error("bad call");
    }, { maxBatch: 10 });
    await expect(lookup(1)).rejects.toThrow("bad call");
    await expect(lookup(2)).rejects.toThrow("bad call");
  });

  it("keeps one lookup per database client: their keys never share a statement", async () => {
    const calls: { db: string; keys: number[] }[] = [];
    const lookup = batchedLookupByDb(async (db, keys: number[]) => {
      calls.push({ db: (db as unknown as { name: string }).name, keys });
      return found(keys);
    }, { maxBatch: 10 });
    const [first, second] = [{ name: "first" }, { name: "second" }] as unknown as Db[];

    const answers = await Promise.all([lookup(first!, 1), lookup(second!, 2), lookup(first!, 3), lookup(second!, 4)]);

    expect(answers).toEqual(["value 1", "value 2", "value 3", "value 4"]);
    expect(calls).toEqual([
      { db: "first", keys: [1] },
      { db: "second", keys: [2] },
      { db: "first", keys: [3] },
      { db: "second", keys: [4] },
    ]);
  });
});
