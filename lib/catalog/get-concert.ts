import "server-only";
import { z } from "zod";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { ConcertDetail } from "@/lib/catalog/schemas";
import type { SqlClient } from "@/lib/db";

export type GetConcertOptions = { concertId: string };

/**
 * A concert with what its page shows: the performances (sold-out ones
 * marked), the price of each seat grade and when its waiting room opens.
 * Null for an unknown or malformed id. From the catalogue snapshot; an id the
 * snapshot does not know costs one primary-key lookup, and if the concert
 * exists (added within the last second) the snapshot is read again, so a new
 * concert's page never answers 404.
 */
export async function getConcert(db: SqlClient, { concertId }: GetConcertOptions): Promise<ConcertDetail | null> {
  if (!z.uuid().safeParse(concertId).success) return null;
  const snapshot = catalogSnapshot();
  const known = (await snapshot.read(db)).details.get(concertId);
  if (known) return known;
  const [exists] = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM concerts WHERE id = ${concertId}::uuid`;
  if (!exists) return null;
  snapshot.markStale();
  return (await snapshot.read(db)).details.get(concertId) ?? null;
}
