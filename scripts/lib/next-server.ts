// Runs `next start` (or `next dev`) as a child process and waits until it answers.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const READY_POLL_INTERVAL_MS = 250;
const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;

export type RunningNext = {
  url: string;
  /** The server's process id (fault tests kill it). */
  pid: number | undefined;
  /** Resolves once the server answers; rejects (after stopping it) if it never does. */
  ready: Promise<void>;
  /** Resolves with the exit code when the server stops by itself or is stopped. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * Node flags of every server this repository starts (npm start, the e2e and
 * bench servers): semi-spaces of 64 MB instead of Node 20's 16. Under load,
 * Next's request pipeline keeps objects of every request alive past two
 * young-generation collections, so with the default the server scavenged
 * 20–40 times a second and spent 11–21 % of its main thread doing it; with
 * 64 MB, 8–11 times a second and 8–13 %. Holds went from 922–932 to
 * 1,048–1,064 a second (docs/decisions/188). A deployment that starts Node
 * itself sets the same in NODE_OPTIONS (README, Deploying).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

/** The server's command line after `node`: its flags, then Next's own. */
export function nextServerArgs(root: string, mode: "start" | "dev", port: number): string[] {
  return [...SERVER_NODE_FLAGS, nextBin(root), mode, "-p", String(port)];
}

export function nextBin(root: string): string {
  return createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/** Polls a path until the server answers at all (any status below 500), or fails if it exits first. */
async function waitUntilAnswering(url: string, exited: Promise<number | null>): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("The Next.js server exited while starting (see its output above).");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      await response.body?.cancel();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(READY_POLL_INTERVAL_MS);
  }
  throw new Error(`The Next.js server did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

/** Spawns the server at once, so a caller can register stop() before waiting for `ready`. */
export function startNextServer(options: {
  root: string;
  mode: "start" | "dev";
  distDir: string;
  port: number;
  env: Record<string, string>;
  /** Polled until it answers; also warms the route up. */
  readyPath?: string;
  /** "inherit" shows Next's own output; "ignore" keeps a benchmark's console tidy. */
  output?: "inherit" | "ignore";
}): RunningNext {
  const child = spawn(process.execPath, nextServerArgs(options.root, options.mode, options.port), {
    cwd: options.root,
    stdio: ["ignore", options.output ?? "inherit", "inherit"],
    // PORT as the server knows it: the proxy renders shared pages through it (docs/decisions/091).
    env: { ...process.env, ...options.env, PORT: String(options.port), NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const exited = waitForExit(child);
  const url = `http://localhost:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  const ready = waitUntilAnswering(`${url}${options.readyPath ?? "/api/health"}`, exited).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, pid: child.pid, ready, exited, stop };
}
