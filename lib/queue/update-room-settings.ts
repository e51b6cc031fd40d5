import "server-only";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/http/request";
import { toRoomSettings } from "@/lib/queue/get-room-settings";
import { forgetRoomSnapshot } from "@/lib/queue/room-snapshot";
import { roomSettingsUpdate, type RoomSettings } from "@/lib/queue/schemas";

type SettingsRow = {
  concert_id: string;
  capacity: number;
  admission_rate_per_minute: number;
  admission_window_seconds: number;
  claim_window_seconds: number;
  opens_at: Date;
};

/**
 * Changes some settings of a concert's waiting room (for the operator
 * console). `changes` is validated here (422 VALIDATION_FAILED with field
 * errors); unknown concert → 404. Takes effect with the next admission step:
 * a lower capacity admits nobody until the room is below it, and fans already
 * admitted keep the window they were given. Moving the opening into the
 * future pre-queues new arrivals again; they are drawn at the new opening,
 * after everyone who already holds a ticket.
 */
export async function updateRoomSettings(db: Db, options: { concertId: string; changes: unknown }): Promise<RoomSettings> {
  const changes = parseOrThrow(roomSettingsUpdate, options.changes);
  const rows = await db.$queryRaw<SettingsRow[]>`
    UPDATE waiting_rooms SET
      capacity = coalesce(${changes.capacity ?? null}::int, capacity),
      admission_rate_per_minute = coalesce(${changes.admissionRatePerMinute ?? null}::int, admission_rate_per_minute),
      admission_window_seconds = coalesce(${changes.admissionWindowSeconds ?? null}::int, admission_window_seconds),
      claim_window_seconds = coalesce(${changes.claimWindowSeconds ?? null}::int, claim_window_seconds),
      opens_at = coalesce(${changes.opensAt ?? null}::timestamptz, opens_at),
      is_prequeue_ordered = is_prequeue_ordered AND coalesce(${changes.opensAt ?? null}::timestamptz, opens_at) <= now()
    WHERE concert_id = ${options.concertId}::uuid
    RETURNING concert_id::text AS concert_id, capacity, admission_rate_per_minute, admission_window_seconds,
              claim_window_seconds, opens_at`;
  const room = rows[0];
  if (!room) throw new AppError("NOT_FOUND", "No such concert.");
  forgetRoomSnapshot(options.concertId);
  // The opening time decides "opens soon" in the catalogue: this process shows the change at once.
  catalogSnapshot().markStale();
  return toRoomSettings({
    concertId: room.concert_id,
    capacity: room.capacity,
    admissionRatePerMinute: room.admission_rate_per_minute,
    admissionWindowSeconds: room.admission_window_seconds,
    claimWindowSeconds: room.claim_window_seconds,
    opensAt: room.opens_at,
  });
}
