// Records a storm: the database as it was before, then each request with its
// start and end on one monotonic clock and its answer. After the storm,
// expectHistoryExplained reads the database again and runs the checker.
import { performance } from "node:perf_hooks";
import { expect } from "vitest";
import type { Db } from "@/lib/db";
import { checkHistory } from "./check-history";
import { readSnapshotWith } from "./read-snapshot";
import type { History, Operation, Snapshot } from "./history-types";

/** The rows the checker needs, read through the app's Prisma client; `userIds` limits them to those fans. */
export function readSnapshot(db: Db, options: { userIds?: string[] } = {}): Promise<Snapshot> {
  return readSnapshotWith((sql, params) => db.$queryRawUnsafe(sql, ...params), options);
}

export type Recorder = History & {
  /** Sends the request, records it with its answer, and hands back the response (its body still readable). */
  record(operation: Operation, send: () => Promise<Response>): Promise<Response>;
};

export async function startHistory(db: Db): Promise<Recorder> {
  const history: History = { before: await readSnapshot(db), events: [] };
  return {
    ...history,
    async record(operation, send) {
      const start = performance.now();
      const response = await send();
      const end = performance.now();
      const text = await response.clone().text();
      const body: unknown = text ? JSON.parse(text) : null;
      const code = (body as { error?: { code?: string } } | null)?.error?.code;
      history.events.push({ ...operation, start, end, status: response.status, code, body });
      return response;
    },
  };
}

/** Reads the database after the storm and expects the history to be explained by it. */
export async function expectHistoryExplained(db: Db, history: History): Promise<void> {
  expect(history.events.length).toBeGreaterThan(0);
  expect(checkHistory(history, await readSnapshot(db))).toEqual([]);
}
