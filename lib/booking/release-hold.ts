import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Gives back one of the fan's live holds. One conditional UPDATE: a hold that
 * is someone else's, already paid, released or out of time is left alone and
 * answers 404, so a payment racing the release can never lose its seat.
 */
export async function releaseHold(db: Db, options: { userId: string; reservationId: string }): Promise<void> {
  const released = await db.$executeRaw`
    UPDATE reservations SET status = 'CANCELLED', updated_at = now()
    WHERE id = ${options.reservationId}::uuid AND user_id = ${options.userId}::uuid
      AND is_live_hold(status, expires_at)`;
  if (released === 0) throw new AppError("NOT_FOUND", "No such hold.");
}
