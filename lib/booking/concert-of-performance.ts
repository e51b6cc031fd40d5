import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import { AppError } from "@/lib/errors";

/** Enough for every date of many concerts on sale at once; the oldest entries go first. */
const MAX_REMEMBERED = 10_000;

const holder = globalThis as unknown as { encoreConcertOfPerformance?: Map<string, string> };
const concertByPerformance = (holder.encoreConcertOfPerformance ??= new Map());

/**
 * The concert a performance belongs to (404 for an unknown performance); its
 * queue token admits booking requests for the performance. A performance
 * never moves to another concert, so each process remembers the answer: it is
 * a fact, not a state, and decides nothing by itself.
 */
export async function concertOfPerformance(db: Db, performanceId: string): Promise<string> {
  const known = concertByPerformance.get(performanceId);
  if (known) return known;
  const [row] = await preparedQuery<{ concert_id: string }>(db)`
    SELECT concert_id::text AS concert_id FROM performances WHERE id = ${performanceId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "No such performance.");
  if (concertByPerformance.size >= MAX_REMEMBERED) concertByPerformance.delete(concertByPerformance.keys().next().value!);
  concertByPerformance.set(performanceId, row.concert_id);
  return row.concert_id;
}
