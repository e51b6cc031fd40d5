import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { admissionWithOwnHolds } from "@/lib/booking/admission-with-own-holds";
import { getSeatMapSnapshot } from "@/lib/booking/seat-map-snapshot";
import { seatMapJson } from "@/lib/booking/seat-views";
import type { TaggedJson } from "@/lib/http/entity-tags";
import type { QueueTokens } from "@/lib/queue/queue-tokens";

/**
 * The seat map of a performance (or of one of its sections) for an admitted
 * fan, by seat number, as the JSON body `{"seats":[…]}` with its entity tag
 * (404 for an unknown performance, or a section not of its venue). The shared
 * snapshot (at most a second old) gives the concert, whose queue token must
 * verify; then one statement, shared with the other refreshes of the moment,
 * runs the rest of the ADMITTED guard (claim_queue_place) and reads the fan's
 * own live holds of the performance. Nothing is shown before the guard has passed.
 */
export async function listSeatsJson(
  db: Db,
  options: { performanceId: string; sectionId?: string; userId: string; queueTokens: QueueTokens },
): Promise<TaggedJson> {
  const snapshot = await getSeatMapSnapshot(db, options.performanceId, options.sectionId);
  if (!snapshot) throw new AppError("NOT_FOUND", options.sectionId === undefined ? "No such performance." : "No such section of this performance.");
  const { ownHolds } = await admissionWithOwnHolds(db, { ...options, concertId: snapshot.concertId });
  return seatMapJson(snapshot, ownHolds, options.userId, Date.now() + snapshot.clockOffsetMs);
}
