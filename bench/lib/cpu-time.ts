// CPU time the app server and the database spent, read from /proc. Divided by
// the requests of a measurement it says what one request costs each of them,
// which a loaded machine changes far less than it changes requests per second.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BENCH_POSTGRES_DATA_DIR } from "./context.ts";

/** Linux's USER_HZ (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state, ppid, … utime is the 14th field of the line, stime the 15th.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // the process has ended
  }
}

/** The process and every process under it. */
function familyOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) parents.set(Number(entry), Number(fields[1]));
  }
  const family = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (family.has(pid) || !family.has(parent)) continue;
      family.add(pid);
      grew = true;
    }
  }
  return [...family];
}

/** CPU milliseconds each process has used so far. */
function cpuMsByPid(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    const fields = statFields(pid);
    if (fields) used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
  }
  return used;
}

/** What the processes of `after` used since `before` (a process new since then counts from zero). */
function usedBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The process listening on the port (the app server), if `ss` can tell. */
function listenerOf(port: number): number | null {
  try {
    const line = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const match = /pid=(\d+)/.exec(line);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The embedded PostgreSQL's postmaster (first line of postmaster.pid), when the bench runs one. */
function postmasterOf(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

export type CpuTime = { appMs: number; databaseMs: number | null };

/**
 * CPU milliseconds the app server (the process on `port` and its children)
 * and the bench's embedded PostgreSQL (every backend) spent while `work`
 * ran; null parts could not be found (another server, no /proc).
 */
export async function cpuTimeOf(options: { port: number; postgresDataDir: string }, work: () => Promise<unknown>): Promise<CpuTime | null> {
  const app = listenerOf(options.port);
  if (app === null) {
    await work();
    return null;
  }
  const postmaster = postmasterOf(options.postgresDataDir);
  const sample = () => ({ app: cpuMsByPid(familyOf(app)), database: postmaster === null ? null : cpuMsByPid(familyOf(postmaster)) });
  const before = sample();
  await work();
  // A backend that ended during the work is lost (the pool keeps its connections open).
  const after = sample();
  return {
    appMs: usedBetween(before.app, after.app),
    databaseMs: before.database && after.database ? usedBetween(before.database, after.database) : null,
  };
}

/** The processes cpuTimeOf reads for the bench's app server at `baseUrl` and its PostgreSQL. */
export function benchCpuSources(baseUrl: string): { port: number; postgresDataDir: string } {
  return { port: Number(new URL(baseUrl).port), postgresDataDir: process.env.BENCH_DATABASE_URL ? "" : BENCH_POSTGRES_DATA_DIR };
}

/** The CPU the app server and PostgreSQL spent over some measurements, and the requests they answered. */
export class CpuTally {
  private appMs = 0;
  private databaseMs = 0;
  private requests = 0;
  private isKnown = true;

  constructor(private readonly sources: { port: number; postgresDataDir: string }) {}

  /** Runs `measure`, adding the CPU it cost and the requests it made. */
  async measure<Measured extends { requests: number }>(measure: () => Promise<Measured>): Promise<Measured> {
    let measured: Measured | undefined;
    const used = await cpuTimeOf(this.sources, async () => (measured = await measure()));
    if (!used) this.isKnown = false;
    this.appMs += used?.appMs ?? 0;
    this.databaseMs += used?.databaseMs ?? Number.NaN;
    this.requests += measured!.requests;
    return measured!;
  }

  /** "holds: CPU per request 1.41 ms app + 0.62 ms PostgreSQL" ("?" where PostgreSQL is not the bench's own). */
  note(name: string): string {
    if (!this.isKnown || this.requests === 0) return `${name}: CPU per request not measured`;
    const database = Number.isNaN(this.databaseMs) ? "?" : (this.databaseMs / this.requests).toFixed(2);
    return `${name}: CPU per request ${(this.appMs / this.requests).toFixed(2)} ms app + ${database} ms PostgreSQL`;
  }
}
