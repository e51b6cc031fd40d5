// Database faults for integration tests: the app's connection is terminated
// (pg_terminate_backend, as an operator or a failover would) while one of its
// statements is in flight. No timing is guessed: a table lock taken here holds
// the statement, pg_stat_activity shows it waiting, and only then is its
// backend terminated.
import pg from "pg";
import { expect, vi } from "vitest";

/** The error `work` fails with; a test that expected a failure fails when it succeeds. */
export async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

/** A connection of the test itself, outside the app's pool. */
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** Waits (polling pg_stat_activity, never a fixed sleep) until a backend other than `exclude` waits on a lock in a statement matching `statement`. */
async function waitForBlockedStatement(observer: pg.Client, options: { statement: RegExp; exclude: number[] }): Promise<number> {
  for (;;) {
    const { rows } = await observer.query<{ pid: number; query: string }>(
      `SELECT pid, query FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND NOT (pid = ANY($1::int[]))`,
      [options.exclude],
    );
    const blocked = rows.find((row) => options.statement.test(row.query));
    if (blocked) return blocked.pid;
  }
}

export type TerminatedStatement<T> = { result: T; terminatedQueries: number };

/**
 * Runs `during` (typically a request to a route handler) while `table` is
 * locked; when a statement of the app matching `statement` waits on that lock,
 * its backend is terminated (57P01 for the app) and the lock released. A
 * retry of the same work then proceeds. Resolves with what `during` answered.
 */
export async function terminateMidStatement<T>(options: {
  table: string;
  statement: RegExp;
  during: () => Promise<T>;
}): Promise<T> {
  const blocker = await connect();
  const observer = await connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE ${options.table} IN ACCESS EXCLUSIVE MODE`);
    const running = options.during();
    const exclude = [(blocker as unknown as { processID: number }).processID, (observer as unknown as { processID: number }).processID];
    const pid = await waitForBlockedStatement(observer, { statement: options.statement, exclude });
    const { rows } = await observer.query<{ terminated: boolean }>("SELECT pg_terminate_backend($1) AS terminated", [pid]);
    if (!rows[0]?.terminated) throw new Error(`Could not terminate backend ${pid}.`);
    await blocker.query("ROLLBACK");
    return await running;
  } finally {
    await blocker.end().catch(() => {});
    await observer.end().catch(() => {});
  }
}

/**
 * Terminates every backend of the test database except its own, over and over,
 * until `stop` is called: connections dropped at random points of whatever
 * runs meanwhile.
 */
export async function terminateBackendsUntilStopped(): Promise<{ stop: () => Promise<number> }> {
  const killer = await connect();
  let isStopped = false;
  let terminated = 0;
  const loop = (async () => {
    while (!isStopped) {
      const { rows } = await killer.query<{ count: number }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS count FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      terminated += rows[0]!.count;
    }
  })();
  return {
    stop: async () => {
      isStopped = true;
      await loop;
      await killer.end();
      return terminated;
    },
  };
}

/** The connection-failure log lines are expected in fault tests. */
export function quietLogs(): void {
  vi.spyOn(console, "error").mockImplementation(() => {});
}

/** A faulted request's answer: 503 SERVICE_UNAVAILABLE with Retry-After, never a 500. */
export async function expectServiceUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("1");
  expect(await response.json()).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } });
}
