import "server-only";
import type { SqlClient } from "@/lib/db";

export type AuditRecord = {
  /** The operator who made the change. */
  actorId: string;
  /** "<thing>.<verb>", e.g. "concert.create", "room.update", "payment.refund". */
  action: string;
  /** "<thing>:<id>", e.g. "concert:…". */
  target: string;
  /** The concert the change belongs to, so the log can be read per concert. */
  concertId?: string | null;
  /** The operator's reason, already validated with reasonSchema. */
  reason: string;
  /** JSON-serialisable values before the change; omit when it creates something. */
  before?: unknown;
  /** JSON-serialisable values after the change. */
  after?: unknown;
};

/**
 * Writes one audit entry. Call it with the transaction that makes the change,
 * after the change succeeded: the entry commits with the change or not at all,
 * so a refused or rolled-back change leaves no entry.
 */
export async function recordAudit(tx: SqlClient, record: AuditRecord): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO audit_entries (actor_id, action, target, concert_id, reason, before, after)
    VALUES (${record.actorId}::uuid, ${record.action}, ${record.target}, ${record.concertId ?? null}::uuid, ${record.reason},
            ${toJsonb(record.before)}::jsonb, ${toJsonb(record.after)}::jsonb)`;
}

/** JSON text for a jsonb column; SQL NULL for a missing value. BigInts become numbers of won. */
function toJsonb(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === "bigint" ? Number(field) : field));
}
