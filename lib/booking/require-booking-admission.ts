import "server-only";
import type { Db } from "@/lib/db";
import { findBookingConcert, type BookingTarget } from "@/lib/booking/find-booking-concert";
import { queueTokenFor, type QueueTokens } from "@/lib/queue/queue-tokens";
import { requireAdmission, type Admission } from "@/lib/queue/require-admission";

/**
 * The guard of the booking endpoints that look their concert up separately
 * (dates, release): resolve the concert of the resource (404 for unknown ids),
 * then demand an admitted, live queue token for that concert from the
 * request's queue tokens. The seat map and holds run the same guard inside
 * their own statement (claim_queue_place), with the concert of the
 * performance from concertOfPerformance or the seat map snapshot.
 */
export async function requireBookingAdmission(
  db: Db,
  options: { queueTokens: QueueTokens; userId: string; target: BookingTarget },
): Promise<Admission> {
  const concertId = await findBookingConcert(db, options.target);
  return requireAdmission(db, { token: queueTokenFor(options.queueTokens, concertId), userId: options.userId, concertId });
}
