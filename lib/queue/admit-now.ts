import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { admitNextWaiting, endLapsedAdmissions } from "@/lib/queue/advance-room";
import { drawPrequeueOrder } from "@/lib/queue/draw-prequeue-order";
import { readAdminRoom } from "@/lib/queue/read-admin-room";
import { forgetRoomSnapshot } from "@/lib/queue/room-snapshot";
import type { AdminRoom, AdmitNowInput } from "@/lib/queue/schemas";

type RoomRow = { is_open: boolean; is_paused: boolean; is_prequeue_ordered: boolean; capacity: number; admission_window_seconds: number; claim_window_seconds: number };

/**
 * An operator lets the next `count` waiting fans in now: beyond the rate cap,
 * never beyond the capacity (fewer are admitted when fewer places are free or
 * fewer fans wait), and not while the room is paused or before it opens (409
 * ROOM_NOT_ADMITTING). Holds the room row FOR UPDATE as the admission leader
 * does, so the two never count the free places at the same time. Audited as
 * room.admit with how many were asked for and admitted.
 */
export async function admitNow(
  database: Database,
  options: { actorId: string; concertId: string; input: AdmitNowInput },
): Promise<{ admitted: number; room: AdminRoom }> {
  const { concertId, input } = options;
  const result = await inTransaction(database, async (tx) => {
    const [room] = await tx.$queryRaw<RoomRow[]>`
      SELECT is_room_open(opens_at) AS is_open, is_paused, is_prequeue_ordered, capacity, admission_window_seconds, claim_window_seconds
      FROM waiting_rooms WHERE concert_id = ${concertId}::uuid FOR UPDATE`;
    if (!room) throw new AppError("NOT_FOUND", "No such concert.");
    if (room.is_paused) throw new AppError("ROOM_NOT_ADMITTING", "The line is paused: resume it before letting fans in.");
    if (!room.is_open) throw new AppError("ROOM_NOT_ADMITTING", "The waiting room has not opened yet.");
    if (!room.is_prequeue_ordered) await drawPrequeueOrder(tx, { concertId });
    const { live } = await endLapsedAdmissions(tx, concertId);
    const count = Math.min(input.count, Math.max(0, room.capacity - live));
    const admitted = count === 0 ? 0 : (await admitNextWaiting(tx, {
      concertId, count, admissionWindowSeconds: room.admission_window_seconds, claimWindowSeconds: room.claim_window_seconds, rateCredit: null,
    }))?.admitted ?? 0;
    await recordAudit(tx, {
      actorId: options.actorId, action: "room.admit", target: `concert:${concertId}`, concertId, reason: input.reason,
      after: { requested: input.count, admitted },
    });
    return { admitted, room: (await readAdminRoom(tx, concertId))! };
  });
  forgetRoomSnapshot(concertId);
  return result;
}
