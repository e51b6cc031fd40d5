import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { batchedLookupByDb } from "@/lib/db/batched-lookup";
import { preparedQuery } from "@/lib/db/prepared-query";
import { AppError } from "@/lib/errors";

/** Enough for every date of many concerts on sale at once; the oldest entries go first. */
const MAX_REMEMBERED = 10_000;

const holder = globalThis as unknown as { encoreConcertOfPerformance?: Map<string, string> };
const concertByPerformance = (holder.encoreConcertOfPerformance ??= new Map());

/** Concurrent first requests for dates share a statement (lib/db/batched-lookup.ts). */
const lookUpConcerts = batchedLookupByDb(async (db, performanceIds: string[]) => {
  const rows = await preparedQuery<{ id: string; concert_id: string }>(db)`
    SELECT id::text AS id, concert_id::text AS concert_id FROM performances WHERE id = ANY(${performanceIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.concert_id]));
}, { maxBatch: 100 });

/**
 * The concert a performance belongs to (404 for an unknown performance); its
 * queue token admits booking requests for the performance. A performance
 * never moves to another concert, so each process remembers the answer: it is
 * a fact, not a state, and decides nothing by itself.
 */
export async function concertOfPerformance(db: Db, performanceId: string): Promise<string> {
  const id = performanceId.toLowerCase();
  const known = concertByPerformance.get(id);
  if (known) return known;
  // Checked here so that one malformed id can never fail the statement it would share.
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "No such performance.");
  const concertId = await lookUpConcerts(db, id);
  if (!concertId) throw new AppError("NOT_FOUND", "No such performance.");
  if (concertByPerformance.size >= MAX_REMEMBERED) concertByPerformance.delete(concertByPerformance.keys().next().value!);
  concertByPerformance.set(id, concertId);
  return concertId;
}
