import "server-only";
import { Prisma, type Db } from "@/lib/db";
import { isEndedTokenStillPolled } from "@/lib/queue/ended-token-sql";
import { RETENTION, type RetentionKind } from "@/lib/retention/retention-policy";

export type DeleteBatchOptions = {
  /** The moment the windows are judged against; null means the database clock. */
  now: Date | null;
  limit: number;
};

/** What a kind needs besides "its time column is past the window": a join and a condition on row `t`. */
function extraRule(kind: RetentionKind, at: Prisma.Sql): { join: Prisma.Sql; condition: Prisma.Sql } {
  if (kind !== "queueTokens") return { join: Prisma.empty, condition: Prisma.sql`true` };
  // The room is read, not locked: a concurrent advance can only move its counter on, making more rows removable.
  return {
    join: Prisma.sql`LEFT JOIN waiting_rooms r ON r.concert_id = t.concert_id`,
    condition: Prisma.sql`t.status = 'ENDED' AND NOT ${isEndedTokenStillPolled(at)}`,
  };
}

/**
 * Removes up to `limit` rows of one kind whose retention window is over, the
 * oldest first, and returns how many it removed. ONE statement: the inner
 * SELECT walks the kind's time index (migration 20261129500000) and locks
 * its rows with SKIP LOCKED, so a concurrent purge takes other rows instead
 * of waiting, and a row a request is writing right now is left for a later
 * run; the DELETE then reaches those rows by ctid (a TID scan) and re-checks
 * the window on them.
 */
export async function deleteExpiredBatch(db: Db, kind: RetentionKind, options: DeleteBatchOptions): Promise<number> {
  const { table, after, keepSeconds } = RETENTION[kind];
  const at = Prisma.sql`coalesce(${options.now}::timestamptz, now())`;
  const cutoff = Prisma.sql`(${at} - make_interval(secs => ${keepSeconds}))`;
  const { join, condition } = extraRule(kind, at);
  return db.$executeRaw`
    DELETE FROM ${Prisma.raw(table)}
    WHERE ctid = ANY(ARRAY(
            SELECT t.ctid FROM ${Prisma.raw(table)} t ${join}
            WHERE t.${Prisma.raw(after)} < ${cutoff} AND ${condition}
            ORDER BY t.${Prisma.raw(after)} LIMIT ${options.limit}
            FOR UPDATE OF t SKIP LOCKED))
      AND ${Prisma.raw(after)} < ${cutoff}`;
}
