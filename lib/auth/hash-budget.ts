import { AppError } from "@/lib/errors";

/**
 * A per-process budget for password hashing. Unbounded, a sign-in storm
 * queues hashes without end and every sign-in waits behind all of them. The
 * budget hands at most `concurrency` hashes at once to the hashing threads
 * (lib/auth/hash-threads.ts), admits at most `queueLimit` more requests behind
 * them, and none whose expected wait (the requests in line not yet hashed,
 * times the cost of a hash) is over `maxWaitMs`, so the line is as long as the
 * machine can hash in that time, shorter on a slow or busy one. A request
 * leaves the line when its hash is done, not when it answers: on a busy event
 * loop its session write may take long, but it no longer delays anyone's hash.
 * Anyone not admitted is shed with 503 SERVICE_UNAVAILABLE and a Retry-After
 * from that estimate, answered after `shedAnswerDelayMs`: a client that
 * ignores Retry-After and asks again the moment it is answered can then ask at
 * most once per delay on each connection, instead of as fast as the event loop
 * can refuse it (docs/decisions/180). Admission happens before any database
 * work, so a shed request costs a timer and counts no sign-in attempt.
 */
export type HashBudgetOptions = {
  /** Hashes handed to the hashing threads at once; later ones wait in arrival order. */
  concurrency: number;
  queueLimit: number;
  /** Longest expected wait for a hashing slot a newcomer is admitted to; none when unset. */
  maxWaitMs?: number;
  /** The 503's message, e.g. "Too many sign-ins right now." */
  shedMessage: string;
  /** How long a shed request waits before its 503 is answered; none when unset. */
  shedAnswerDelayMs?: number;
  /** Waits that long (setTimeout in production, a fake in tests). */
  wait?: (ms: number) => Promise<void>;
  /** Milliseconds, monotonic (performance.now in production, a fake in tests). */
  now?: () => number;
  /** Assumed until the first hash is measured. */
  initialHashMs?: number;
  /**
   * What one more request in line adds to the wait, as the hashing threads
   * measure it (lib/auth/hash-threads.ts: scrypt alone, per thread), or
   * undefined before their first hash. Without it the budget times each hash
   * itself, which on a busy event loop counts the loop's delay as hashing.
   */
  hashCostMs?: () => number | undefined;
};

/** Runs `work` once a hashing slot is free; the task may call it more than once. */
export type Hash = <T>(work: () => Promise<T>) => Promise<T>;

export type HashBudgetState = { admitted: number; running: number; waiting: number };

const SMOOTHING = 0.2;

export type HashBudget = {
  /** Admits `task` (which hashes through the `hash` it is given) or throws SERVICE_UNAVAILABLE. */
  enter<T>(task: (hash: Hash) => Promise<T>): Promise<T>;
  state(): HashBudgetState;
};

export function createHashBudget(options: HashBudgetOptions): HashBudget {
  const { concurrency, queueLimit } = options;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let averageHashMs = options.initialHashMs ?? 100;
  let admitted = 0;
  /** Admitted requests whose hash has not finished: the line a newcomer joins. */
  let inLine = 0;
  let running = 0;
  const waiting: (() => void)[] = [];

  /** How long the line keeps the hashing busy: a newcomer's expected wait. */
  function drainMs(): number {
    const reported = options.hashCostMs?.();
    return reported === undefined ? (inLine / concurrency) * averageHashMs : inLine * reported;
  }

  function isFull(): boolean {
    if (inLine >= concurrency + queueLimit) return true;
    // A request that would hash at once is admitted whatever the estimate: a free slot when the
    // budget times hashes itself, an empty line with reported costs (slots are deeper than threads).
    const startsAtOnce = options.hashCostMs?.() === undefined ? inLine < concurrency : inLine === 0;
    return !startsAtOnce && options.maxWaitMs !== undefined && drainMs() > options.maxWaitMs;
  }

  function release(): void {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  }

  async function acquire(): Promise<void> {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  async function timedHash<T>(work: () => Promise<T>): Promise<T> {
    await acquire();
    const startedAt = now();
    try {
      return await work();
    } finally {
      averageHashMs += SMOOTHING * (now() - startedAt - averageHashMs);
      release();
    }
  }

  return {
    async enter(task) {
      if (isFull()) {
        const retryAfterSeconds = Math.max(1, Math.ceil(drainMs() / 1000));
        if (options.shedAnswerDelayMs) await wait(options.shedAnswerDelayMs);
        throw new AppError("SERVICE_UNAVAILABLE", options.shedMessage, { retryAfterSeconds });
      }
      admitted += 1;
      inLine += 1;
      let hasLeftLine = false;
      const leaveLine = () => {
        if (hasLeftLine) return;
        hasLeftLine = true;
        inLine -= 1;
      };
      // Once its hash is done a request no longer delays anyone (its session write may still be slow).
      const hash: Hash = (work) => timedHash(work).finally(leaveLine);
      try {
        return await task(hash);
      } finally {
        leaveLine();
        admitted -= 1;
      }
    },
    state: () => ({ admitted, running, waiting: waiting.length }),
  };
}
