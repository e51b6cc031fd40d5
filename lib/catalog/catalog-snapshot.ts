import "server-only";
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";
import { readCatalog, type Catalog } from "@/lib/catalog/read-catalog";
import type { SqlClient } from "@/lib/db";

/** The catalogue is re-read at most this often per process. */
export const CATALOG_FRESH_MS = 1_000;
const CATALOG_KEY = "catalog";

export type CatalogSnapshot = {
  /** The catalogue as of at most CATALOG_FRESH_MS ago; every caller in the meantime shares one read. */
  read: (db: SqlClient) => Promise<Catalog>;
  /** The catalogue changed behind the snapshot (a concert added or edited): the next read goes to the database. */
  markStale: () => void;
};

/**
 * A per-process catalogue: one statement (readCatalog) at most once per
 * CATALOG_FRESH_MS, single-flight, shared by the home page, the concert pages
 * and GET /api/concerts[/{id}]. A request then costs no query, whatever the
 * number of concerts, dates or seats. The catalogue may be a moment behind and
 * decides nothing: holds and payments check sale and seats themselves.
 * `now` is the clock freshness is judged by: the process clock unless given
 * (lib/cache/process-clock.ts; tests move it).
 */
export function createCatalogSnapshot(options: { now?: () => number } = {}): CatalogSnapshot {
  const cache = new RefreshingCache<Catalog>({ freshMs: CATALOG_FRESH_MS, maxEntries: 1, now: options.now ?? processClock.now });
  return {
    read: (db) => cache.get(CATALOG_KEY, () => readCatalog(db)),
    markStale: () => cache.markStale(CATALOG_KEY),
  };
}

// One snapshot per process, shared by every route module that imports this file.
const holder = globalThis as unknown as { encoreCatalog?: CatalogSnapshot };

export function catalogSnapshot(): CatalogSnapshot {
  holder.encoreCatalog ??= createCatalogSnapshot();
  return holder.encoreCatalog;
}
