import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { createHashBudget, type Hash } from "@/lib/auth/hash-budget";

/** Work the test finishes by hand, so the order of events is decided here, not by timers. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => opened.then(() => "hashed") };
}

function fakeClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

function budget(concurrency: number, queueLimit: number, clock = fakeClock()) {
  return createHashBudget({ concurrency, queueLimit, shedMessage: "busy", now: clock.now, initialHashMs: 100 });
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("hash budget", () => {
  it("runs at most `concurrency` hashes at once and starts the waiting ones in arrival order", async () => {
    const hashes = createHashBudget({ concurrency: 2, queueLimit: 5, shedMessage: "busy" });
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const results = gates.map((g, index) =>
      hashes.enter((hash) => hash(() => (started.push(index), g.work()))),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(hashes.state()).toEqual({ admitted: 4, running: 2, waiting: 2 });

    gates[1]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual(["hashed", "hashed", "hashed", "hashed"]);
    expect(hashes.state()).toEqual({ admitted: 0, running: 0, waiting: 0 });
  });

  it("answers a shed caller only after the shed delay, with the Retry-After of the moment it was shed", async () => {
    const delays: { ms: number; end: () => void }[] = [];
    const wait = (ms: number) => new Promise<void>((end) => delays.push({ ms, end }));
    const hashes = createHashBudget({ concurrency: 1, queueLimit: 0, shedMessage: "busy", initialHashMs: 3_000, shedAnswerDelayMs: 1_000, wait });
    const g = gate();
    const admitted = hashes.enter((hash) => hash(g.work));
    let answer: unknown;
    const shed = hashes.enter(async () => "never").then((value) => (answer = value), (error: unknown) => (answer = error));
    await settle();

    expect(delays.map((delay) => delay.ms)).toEqual([1_000]);
    expect(answer).toBeUndefined();
    g.open();
    await admitted;
    delays[0]!.end();
    await shed;
    expect(isAppError(answer, "SERVICE_UNAVAILABLE")).toBe(true);
    expect(answer).toMatchObject({ retryAfterSeconds: 3 });
    expect(hashes.state()).toEqual({ admitted: 0, running: 0, waiting: 0 });
  });

  it("sheds the caller beyond concurrency + queue with SERVICE_UNAVAILABLE, without running its task", async () => {
    const hashes = budget(1, 2);
    const g = gate();
    const admitted = Array.from({ length: 3 }, () => hashes.enter((hash) => hash(g.work)));
    let ranShedTask = false;
    const shed = await hashes.enter(async () => (ranShedTask = true)).catch((error: unknown) => error);

    expect(isAppError(shed, "SERVICE_UNAVAILABLE")).toBe(true);
    expect(ranShedTask).toBe(false);
    g.open();
    await Promise.all(admitted);
    expect(await hashes.enter(async () => "room again")).toBe("room again");
  });

  it("counts a request as admitted from entry, before it hashes (its database work holds the place)", async () => {
    const hashes = budget(1, 0);
    const g = gate();
    const first = hashes.enter(async (hash) => {
      await g.work(); // e.g. the user lookup, before hashing
      return hash(async () => "hashed");
    });
    await expect(hashes.enter(async () => "second")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    g.open();
    expect(await first).toBe("hashed");
  });

  it("frees the slot and the place when a hash or the task fails", async () => {
    const hashes = budget(1, 0);
    await expect(hashes.enter((hash) => hash(() => Promise.reject(new Error("scrypt failed"))))).rejects.toThrow("scrypt failed");
    await expect(hashes.enter(async () => { throw new Error("lookup failed"); })).rejects.toThrow("lookup failed");
    expect(hashes.state()).toEqual({ admitted: 0, running: 0, waiting: 0 });
    expect(await hashes.enter((hash: Hash) => hash(async () => "ok"))).toBe("ok");
  });

  it("estimates Retry-After from the measured hash time and the line ahead", async () => {
    const clock = fakeClock();
    const hashes = budget(2, 38, clock);
    // Measure a few 600 ms hashes; the smoothed average moves from 100 ms toward 600 ms.
    for (let round = 0; round < 30; round++) {
      await hashes.enter((hash) => hash(async () => clock.advance(600)));
    }
    const g = gate();
    const line = Array.from({ length: 40 }, () => hashes.enter((hash) => hash(g.work)));
    const shed = await hashes.enter(async () => "never").catch((error: unknown) => error);
    // 40 admitted over 2 slots at ~600 ms each: about 12 s.
    expect(shed).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 12 });
    g.open();
    await Promise.all(line);
  });

  it("admits no one whose expected wait is over maxWaitMs, so a slow machine keeps a shorter line", async () => {
    const clock = fakeClock();
    const hashes = createHashBudget({ concurrency: 2, queueLimit: 100, maxWaitMs: 2_000, shedMessage: "busy", now: clock.now, initialHashMs: 500 });
    /** Admits waiting hashes until one is shed; returns how many got in, the shed error and a way to finish them. */
    async function fillLine() {
      const g = gate();
      const line: Promise<unknown>[] = [];
      for (;;) {
        const entered = hashes.enter((hash) => hash(g.work));
        const shed = await Promise.race([entered.then(() => null, (error: unknown) => error), settle().then(() => null)]);
        if (shed) {
          g.open();
          await Promise.all(line);
          return { admitted: line.length, shed };
        }
        line.push(entered);
      }
    }

    // 500 ms a hash over 2 slots: the 9th waits behind 8 (2 s), the 10th would wait 2.25 s.
    expect(await fillLine()).toMatchObject({ admitted: 9, shed: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 3 } });

    // Hashes measured at about 100 ms: the same wait now holds about 40 in line.
    for (let round = 0; round < 60; round++) await hashes.enter((hash) => hash(async () => clock.advance(100)));
    const { admitted } = await fillLine();
    expect(admitted).toBeGreaterThanOrEqual(40);
    expect(admitted).toBeLessThanOrEqual(41);
  });

  it("always admits a request a free slot can take at once, however slow hashes have been", async () => {
    const hashes = createHashBudget({ concurrency: 2, queueLimit: 10, maxWaitMs: 100, shedMessage: "busy", initialHashMs: 5_000 });
    const g = gate();
    const running = [hashes.enter((hash) => hash(g.work)), hashes.enter((hash) => hash(g.work))];
    await expect(hashes.enter(async () => "never")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    g.open();
    expect(await Promise.all(running)).toEqual(["hashed", "hashed"]);
  });

  it("asks for at least one second even when hashes are instant", async () => {
    const hashes = budget(1, 0, fakeClock());
    for (let round = 0; round < 30; round++) await hashes.enter((hash) => hash(async () => "instant"));
    const g = gate();
    const holder = hashes.enter((hash) => hash(g.work));
    await expect(hashes.enter(async () => "never")).rejects.toMatchObject({ retryAfterSeconds: 1 });
    g.open();
    await holder;
  });

  describe("with hash costs reported by the hashing threads", () => {
    function reportedBudget(clock: ReturnType<typeof fakeClock>, costMs: () => number | undefined) {
      return createHashBudget({ concurrency: 8, queueLimit: 100, maxWaitMs: 2_000, shedMessage: "busy", now: clock.now, initialHashMs: 100, hashCostMs: costMs });
    }

    it("bounds the line by the reported cost, not by how long answers took to come back on a busy event loop", async () => {
      const clock = fakeClock();
      const hashes = reportedBudget(clock, () => 100);
      // Each answer takes 5 s to reach the task (a loop busy with a storm), but the thread hashed for 100 ms.
      for (let round = 0; round < 30; round++) await hashes.enter((hash) => hash(async () => clock.advance(5_000)));
      const g = gate();
      const line: Promise<unknown>[] = [];
      let shed: unknown;
      while (!shed) {
        const entered = hashes.enter((hash) => hash(g.work));
        shed = await Promise.race([entered.then(() => null, (error: unknown) => error), settle().then(() => null)]);
        if (!shed) line.push(entered);
      }
      // 2,000 ms of waiting at 100 ms a hash: 20 in line, the 21st would wait 2.1 s.
      expect(line).toHaveLength(21);
      expect(shed).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 3 });
      g.open();
      await Promise.all(line);
    });

    it("shortens the line as the threads report slower hashes", async () => {
      let costMs = 100;
      const hashes = reportedBudget(fakeClock(), () => costMs);
      const g = gate();
      const line = Array.from({ length: 10 }, () => hashes.enter((hash) => hash(g.work)));
      expect(await hashes.enter(async () => "admitted")).toBe("admitted");
      costMs = 250; // 10 in line × 250 ms = 2.5 s
      await expect(hashes.enter(async () => "never")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 3 });
      g.open();
      await Promise.all(line);
    });

    it("admits into an empty line however slow the reported hashes, and no one behind it", async () => {
      const hashes = reportedBudget(fakeClock(), () => 60_000);
      const g = gate();
      const first = hashes.enter((hash) => hash(g.work));
      await expect(hashes.enter(async () => "never")).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 60 });
      g.open();
      expect(await first).toBe("hashed");
    });
  });

  it("frees a request's place in line once its hash is done, though its task goes on", async () => {
    const hashes = budget(1, 0);
    const afterHash = gate();
    const first = hashes.enter(async (hash) => {
      await hash(async () => "hashed");
      return afterHash.work(); // e.g. the session write, slow on a busy database
    });
    await settle();
    expect(await hashes.enter((hash) => hash(async () => "second"))).toBe("second");
    expect(hashes.state().admitted).toBe(1);
    afterHash.open();
    await first;
  });
});

