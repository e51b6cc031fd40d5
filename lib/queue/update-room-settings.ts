import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Database } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { readAdminRoom } from "@/lib/queue/read-admin-room";
import { forgetRoomSnapshot } from "@/lib/queue/room-snapshot";
import type { AdminRoom, RoomSettingsUpdate } from "@/lib/queue/schemas";

/**
 * Changes settings of a concert's waiting room, pauses or resumes it, and
 * audits the change (room.update) in the same transaction; unknown concert →
 * 404. The room row is locked first, as the admission leader locks it for its
 * whole step: a step running now finishes under the old settings before this
 * commits, and every later step sees the new ones. So the capacity is never
 * exceeded and nobody is admitted once a pause has committed
 * (docs/decisions/121). A lower capacity admits nobody until the room is below
 * it; fans already admitted keep their windows; waiting fans keep their
 * tickets through a pause. Moving the opening into the future pre-queues new
 * arrivals again; they are drawn at the new opening, after everyone who
 * already holds a ticket.
 */
export async function updateRoomSettings(
  database: Database,
  options: { actorId: string; concertId: string; changes: RoomSettingsUpdate },
): Promise<AdminRoom> {
  const { concertId, changes } = options;
  const room = await inTransaction(database, async (tx) => {
    const locked = await tx.$queryRaw<{ concert_id: string }[]>`
      SELECT concert_id FROM waiting_rooms WHERE concert_id = ${concertId}::uuid FOR UPDATE`;
    if (!locked.length) throw new AppError("NOT_FOUND", "No such concert.");
    const before = (await readAdminRoom(tx, concertId))!;
    await tx.$executeRaw`
      UPDATE waiting_rooms SET
        capacity = coalesce(${changes.capacity ?? null}::int, capacity),
        admission_rate_per_minute = coalesce(${changes.admissionRatePerMinute ?? null}::int, admission_rate_per_minute),
        admission_window_seconds = coalesce(${changes.admissionWindowSeconds ?? null}::int, admission_window_seconds),
        claim_window_seconds = coalesce(${changes.claimWindowSeconds ?? null}::int, claim_window_seconds),
        opens_at = coalesce(${changes.opensAt ?? null}::timestamptz, opens_at),
        is_prequeue_ordered = is_prequeue_ordered AND is_room_open(coalesce(${changes.opensAt ?? null}::timestamptz, opens_at)),
        is_paused = coalesce(${changes.isPaused ?? null}::boolean, is_paused)
      WHERE concert_id = ${concertId}::uuid`;
    const after = (await readAdminRoom(tx, concertId))!;
    await recordAudit(tx, {
      actorId: options.actorId, action: "room.update", target: `concert:${concertId}`, concertId, reason: changes.reason,
      before: roomSettingsOf(before), after: roomSettingsOf(after),
    });
    return after;
  });
  forgetRoomSnapshot(concertId);
  // The opening time decides "opens soon" in the catalogue: this process shows the change at once.
  catalogSnapshot().markStale();
  return room;
}

/** What an operator sets, for the audit log (the line's counts are not part of the change). */
export function roomSettingsOf(room: AdminRoom) {
  const { lastTicket: _lastTicket, servingCounter: _servingCounter, waiting: _waiting, admitted: _admitted, ...settings } = room;
  return settings;
}
