import { AppError } from "@/lib/errors";

/**
 * A per-process budget for password hashing. scrypt runs on libuv's thread
 * pool, which file reads, DNS lookups and gzip share; unbounded, a sign-in
 * storm fills the pool and every other request waits behind it. The budget
 * keeps at most `concurrency` hashes running and at most `queueLimit` more
 * requests admitted behind them, and admits none whose expected wait (the
 * line ahead times the measured hash time) is over `maxWaitMs`, so the line
 * is as long as the machine can serve in that time, shorter on a slow or busy
 * one. Anyone not admitted is shed at once with 503 SERVICE_UNAVAILABLE and
 * a Retry-After from that estimate. Admission happens before any database
 * work, so a shed request costs a few microseconds and counts no sign-in attempt.
 */
export type HashBudgetOptions = {
  concurrency: number;
  queueLimit: number;
  /** Longest expected wait for a hashing slot a newcomer is admitted to; none when unset. */
  maxWaitMs?: number;
  /** The 503's message, e.g. "Too many sign-ins right now." */
  shedMessage: string;
  /** Milliseconds, monotonic (performance.now in production, a fake in tests). */
  now?: () => number;
  /** Assumed until the first hash is measured. */
  initialHashMs?: number;
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
  let averageHashMs = options.initialHashMs ?? 100;
  let admitted = 0;
  let running = 0;
  const waiting: (() => void)[] = [];

  /** How long the requests already admitted keep every slot busy: a newcomer's expected wait. */
  function drainMs(): number {
    return (admitted / concurrency) * averageHashMs;
  }

  function isFull(): boolean {
    if (admitted >= concurrency + queueLimit) return true;
    return admitted >= concurrency && options.maxWaitMs !== undefined && drainMs() > options.maxWaitMs;
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

  const hash: Hash = async (work) => {
    await acquire();
    const startedAt = now();
    try {
      return await work();
    } finally {
      averageHashMs += SMOOTHING * (now() - startedAt - averageHashMs);
      release();
    }
  };

  return {
    async enter(task) {
      if (isFull()) {
        throw new AppError("SERVICE_UNAVAILABLE", options.shedMessage, { retryAfterSeconds: Math.max(1, Math.ceil(drainMs() / 1000)) });
      }
      admitted += 1;
      try {
        return await task(hash);
      } finally {
        admitted -= 1;
      }
    },
    state: () => ({ admitted, running, waiting: waiting.length }),
  };
}
