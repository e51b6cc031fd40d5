import "server-only";
import type { SqlClient } from "@/lib/db";

/**
 * Locks dates of a concert (one date when `performanceId` is given) FOR
 * UPDATE, in id order. A hold or a payment inserting a reservation takes a
 * key-share lock on its date's row (the foreign key), which this lock
 * conflicts with: once it is granted, every such write already begun has
 * committed and is visible, and none can begin until this transaction ends.
 * So "no seat of it is sold or held" checked after it stays true for the
 * change. Answers the ids locked.
 */
export async function lockConcertDates(tx: SqlClient, options: { concertId: string; performanceId?: string }): Promise<string[]> {
  const performanceId = options.performanceId ?? null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM performances
    WHERE concert_id = ${options.concertId}::uuid AND (${performanceId}::uuid IS NULL OR id = ${performanceId}::uuid)
    ORDER BY id
    FOR UPDATE`;
  return rows.map((row) => row.id);
}
