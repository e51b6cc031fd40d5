import "server-only";
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";
import type { LiveCounts } from "@/lib/admin/live-schemas";
import { readLiveCounts } from "@/lib/admin/read-live-counts";
import type { Db } from "@/lib/db";

/** The live counts of a concert are re-read at most this often per process. */
export const LIVE_FRESH_MS = 1_000;
/** Concerts whose live counts one process keeps. */
const LIVE_MAX_CONCERTS = 100;

// One cache per process, shared by every route module and server action that imports this file.
const holder = globalThis as unknown as { encoreLiveCounts?: RefreshingCache<LiveCounts | null> };

/**
 * The live counts of a concert as of at most LIVE_FRESH_MS ago: one read
 * (one statement) per concert per second per process, however many operators
 * watch; callers in the meantime share it (single-flight). Null for an
 * unknown concert.
 */
export function readLiveSnapshot(db: Db, concertId: string): Promise<LiveCounts | null> {
  holder.encoreLiveCounts ??= new RefreshingCache({ freshMs: LIVE_FRESH_MS, maxEntries: LIVE_MAX_CONCERTS, now: processClock.now });
  return holder.encoreLiveCounts.get(concertId, () => readLiveCounts(db, concertId));
}
