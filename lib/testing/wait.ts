// Waiting on what the database shows, never on the clock: a test that needs
// one session to be blocked (or gone) before it goes on asks pg_stat_activity.
import { vi } from "vitest";
import type { Db } from "@/lib/db";

const WAIT = { timeout: 10_000, interval: 10 };

/** Resolves once some statement of this database waits on a lock held by another transaction. */
export async function waitForALockWait(db: Db): Promise<void> {
  await vi.waitFor(async () => {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (!row?.waiting) throw new Error("no statement waits on a lock yet");
  }, WAIT);
}

/** Resolves once the server process `pid` has ended (its session terminated, e.g. by a timeout). */
export async function waitForSessionToEnd(db: Db, pid: number): Promise<void> {
  await vi.waitFor(async () => {
    const [row] = await db.$queryRaw<{ alive: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}) AS alive`;
    if (row?.alive !== false) throw new Error(`session ${pid} is still there`);
  }, WAIT);
}
