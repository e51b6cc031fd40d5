// Counts the SQL statements the bench database executes, from pg_stat_statements.
import pg from "pg";

// The text of this query contains "pg_stat_statements", so it never counts itself.
const TOTAL_CALLS_SQL = `
  SELECT coalesce(sum(calls), 0)::bigint AS calls
  FROM pg_stat_statements
  WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND query NOT LIKE '%pg_stat_statements%'`;

export type QueryCounter = {
  count: (work: () => Promise<unknown>) => Promise<number>;
  close: () => Promise<void>;
};

/**
 * Needs the extension in the bench database (the runner creates it). A server
 * without it preloaded (a stock installation) still runs the scenarios: the
 * counts are then NaN and the report shows "–".
 */
export async function openQueryCounter(databaseUrl: string, log: (line: string) => void = () => {}): Promise<QueryCounter> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const totalCalls = async () => Number((await client.query<{ calls: string }>(TOTAL_CALLS_SQL)).rows[0]!.calls);
  try {
    await totalCalls();
  } catch (error) {
    await client.end();
    log(
      `pg_stat_statements is not available in the bench database (${(error as Error).message}); statements are not counted. ` +
        "The embedded server preloads it; another server needs shared_preload_libraries=pg_stat_statements.",
    );
    return {
      count: async (work) => {
        await work();
        return Number.NaN;
      },
      close: async () => {},
    };
  }
  return {
    // Statements of every client count, including work the app does in the background meanwhile.
    count: async (work) => {
      const before = await totalCalls();
      await work();
      return (await totalCalls()) - before;
    },
    close: () => client.end(),
  };
}
