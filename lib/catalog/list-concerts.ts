import "server-only";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { ConcertSummary } from "@/lib/catalog/schemas";
import type { SqlClient } from "@/lib/db";

/**
 * The public catalogue: every concert that has at least one performance,
 * ordered by its first performance (then title, then id, so the order is
 * stable). From the catalogue snapshot: at most a second old, no query per call.
 */
export async function listConcerts(db: SqlClient): Promise<ConcertSummary[]> {
  return (await catalogSnapshot().read(db)).concerts;
}
