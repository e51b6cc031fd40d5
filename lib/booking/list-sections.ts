import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { admissionWithOwnHolds } from "@/lib/booking/admission-with-own-holds";
import { getSectionOverview } from "@/lib/booking/section-overview";
import type { TaggedJson } from "@/lib/http/entity-tags";
import type { QueueTokens } from "@/lib/queue/queue-tokens";

/**
 * The sections of a performance with their counts, for an admitted fan, as
 * the JSON body with its entity tag (404 for an unknown performance). The
 * shared overview (at most a second old) gives the concert, whose admission
 * is checked before anything is shown, in the statement the seat maps'
 * refreshes of the moment share (the fan's own holds it also reads are not
 * part of this body).
 */
export async function listSectionsJson(
  db: Db,
  options: { performanceId: string; userId: string; queueTokens: QueueTokens },
): Promise<TaggedJson> {
  const overview = await getSectionOverview(db, options.performanceId);
  if (!overview) throw new AppError("NOT_FOUND", "No such performance.");
  await admissionWithOwnHolds(db, { ...options, concertId: overview.concertId });
  return overview.json;
}
