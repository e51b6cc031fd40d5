import "server-only";
import type { Db } from "@/lib/db";
import { AUDIT_ENTRIES_PAGE_SIZE, type AuditEntriesPage } from "@/lib/audit/schemas";

export type ListAuditEntriesOptions = {
  /** nextCursor of the previous page (an entry id); absent for the newest page. */
  cursor?: string;
  /** Only the changes of this concert. */
  concertId?: string;
  limit?: number;
};

const NEWEST = 9_223_372_036_854_775_807n;

type EntryRow = {
  id: bigint;
  actor_email: string;
  action: string;
  target: string;
  concert_id: string | null;
  reason: string;
  before: unknown;
  after: unknown;
  created_at: Date;
};

/**
 * The audit log, newest first, one page at a time, optionally of one concert.
 * Pages by id ("below the cursor"): no gaps or repeats while entries are added.
 */
export async function listAuditEntries(db: Db, options: ListAuditEntriesOptions = {}): Promise<AuditEntriesPage> {
  const limit = options.limit ?? AUDIT_ENTRIES_PAGE_SIZE;
  const below = options.cursor ? BigInt(options.cursor) : NEWEST;
  const concertId = options.concertId ?? null;
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT a.id, u.email AS actor_email, a.action, a.target, a.concert_id, a.reason, a.before, a.after, a.created_at
    FROM audit_entries a JOIN users u ON u.id = a.actor_id
    WHERE a.id < ${below} AND (${concertId}::uuid IS NULL OR a.concert_id = ${concertId}::uuid)
    ORDER BY a.id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      actorEmail: row.actor_email,
      action: row.action,
      target: row.target,
      concertId: row.concert_id,
      reason: row.reason,
      before: row.before,
      after: row.after,
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}
