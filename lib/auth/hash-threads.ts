import { Worker } from "node:worker_threads";

/**
 * Password hashing on threads of its own. scrypt on libuv's pool, started and
 * finished by the JavaScript thread one hash at a time, ran at the pace of the
 * event loop: under a storm of requests each hash waited a full turn of a busy
 * loop to be collected and the next one started, so a process signed in about
 * one fan a second while the core sat idle. Here each thread takes its jobs
 * from its own queue back to back, whatever the main thread is doing, and
 * times each hash itself, so the wait estimate of the hashing budget
 * (hash-budget.ts) counts hashing, not event-loop delay. libuv's pool is left
 * wholly to gzip, file reads and DNS. Each thread runs at niceness
 * HASHING_NICENESS, so under a storm it hashes with the CPU the event loop and
 * PostgreSQL leave instead of taking a core from them (docs/decisions/181).
 */
export type ScryptParams = { N: number; r: number; p: number };

type Job = { resolve: (key: Buffer) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; jobs: Map<number, Job> };
type Answer = { id: number; key?: Uint8Array; error?: string; ms: number };

/**
 * The hashing threads' scheduling niceness (0 is the default, 19 the lowest
 * priority): with the cores busy a thread at 10 gets about a tenth of a core's
 * time against a thread at 0, and all of an otherwise idle core.
 */
export const HASHING_NICENESS = 10;

// Plain CommonJS evaluated by the worker, so no bundler has to find a file for it.
const THREAD_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { scryptSync } = require("node:crypto");
const { readlinkSync } = require("node:fs");
const { setPriority } = require("node:os");
try {
  // On Linux a thread is a task with an id of its own (/proc/thread-self is "<pid>/task/<tid>"),
  // and setpriority on that id lowers this thread alone. Elsewhere the thread keeps the default.
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), ${HASHING_NICENESS});
} catch {}
parentPort.on("message", ({ id, password, salt, keyBytes, options }) => {
  const startedAt = performance.now();
  try {
    const key = scryptSync(password, salt, keyBytes, options);
    parentPort.postMessage({ id, key, ms: performance.now() - startedAt });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error), ms: performance.now() - startedAt });
  }
});`;

const SMOOTHING = 0.2;

export type HashThreads = {
  /** scrypt of `password` on the least busy thread; FIFO per thread. */
  derive(password: string, salt: Buffer, keyBytes: number, params: ScryptParams): Promise<Buffer>;
  /** Smoothed time of one hash as the threads measured it; undefined before the first. */
  averageHashMs(): number | undefined;
  /** Jobs queued or running on all threads. */
  pending(): number;
  /** Ends the threads (tests); pending jobs are rejected. */
  close(): Promise<void>;
};

export function createHashThreads(count: number): HashThreads {
  const threads: (Thread | undefined)[] = Array.from({ length: count }, () => undefined);
  let averageMs: number | undefined;
  let nextId = 0;

  function failAll(thread: Thread, error: Error): void {
    for (const job of thread.jobs.values()) job.reject(error);
    thread.jobs.clear();
  }

  function start(slot: number): Thread {
    const worker = new Worker(THREAD_SOURCE, { eval: true });
    const thread: Thread = { worker, jobs: new Map() };
    worker.unref(); // an idle hashing thread never keeps a process alive
    worker.on("message", ({ id, key, error, ms }: Answer) => {
      const job = thread.jobs.get(id);
      thread.jobs.delete(id);
      if (thread.jobs.size === 0) worker.unref();
      averageMs = averageMs === undefined ? ms : averageMs + SMOOTHING * (ms - averageMs);
      if (!job) return;
      if (key) job.resolve(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
      else job.reject(new Error(error ?? "scrypt failed"));
    });
    const retire = (error: Error) => {
      if (threads[slot] === thread) threads[slot] = undefined;
      failAll(thread, error);
    };
    worker.on("error", retire);
    worker.on("exit", (code) => retire(new Error(`hashing thread exited with ${code}`)));
    threads[slot] = thread;
    return thread;
  }

  function leastBusy(): Thread {
    let best: Thread | undefined;
    for (let slot = 0; slot < threads.length; slot++) {
      const thread = threads[slot] ?? start(slot);
      if (!best || thread.jobs.size < best.jobs.size) best = thread;
    }
    return best!;
  }

  return {
    derive(password, salt, keyBytes, params) {
      const thread = leastBusy();
      const id = nextId++;
      const options = { ...params, maxmem: 128 * params.N * params.r * 2 };
      return new Promise<Buffer>((resolve, reject) => {
        thread.jobs.set(id, { resolve, reject });
        thread.worker.ref(); // a hash someone awaits keeps the process alive
        thread.worker.postMessage({ id, password, salt, keyBytes, options });
      });
    },
    averageHashMs: () => averageMs,
    pending: () => threads.reduce((total, thread) => total + (thread?.jobs.size ?? 0), 0),
    async close() {
      await Promise.all(threads.map((thread) => thread?.worker.terminate()));
    },
  };
}
