import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** What a booking request is about; its concert decides which queue token admits it. */
export type BookingTarget =
  | { concertId: string }
  /** Only the fan's own reservations resolve: someone else's id is as unknown as a made-up one. */
  | { reservationId: string; userId: string };

/** The concert of a booking resource, or 404 NOT_FOUND when the resource does not exist (for this fan). */
export async function findBookingConcert(db: Db, target: BookingTarget): Promise<string> {
  let rows: { concert_id: string }[];
  if ("reservationId" in target) {
    rows = await db.$queryRaw`
      SELECT p.concert_id FROM reservations r JOIN performances p ON p.id = r.performance_id
      WHERE r.id = ${target.reservationId}::uuid AND r.user_id = ${target.userId}::uuid`;
  } else {
    rows = await db.$queryRaw`SELECT id AS concert_id FROM concerts WHERE id = ${target.concertId}::uuid`;
  }
  const concertId = rows[0]?.concert_id;
  if (!concertId) throw new AppError("NOT_FOUND", notFoundMessage(target));
  return concertId;
}

function notFoundMessage(target: BookingTarget): string {
  if ("reservationId" in target) return "No such reservation.";
  return "No such concert.";
}
