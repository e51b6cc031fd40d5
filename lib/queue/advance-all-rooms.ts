import "server-only";
import type { Database } from "@/lib/db";
import { advanceRoom } from "@/lib/queue/advance-room";
import { noteRoomAdvanced } from "@/lib/queue/room-snapshot";

export const ADVANCE_ROOMS_BATCH_SIZE = 100;
/** Leaves the rest of the cron's run room inside a serverless function's time limit. */
export const ADVANCE_ROOMS_TIME_BUDGET_MS = 5_000;

/**
 * One admission step for every open room with someone to admit, for the
 * once-a-minute cron, reading the rooms in batches (by concert id) until none
 * is left or the time budget is spent. Admission never depends on it (status
 * polls and joins advance rooms too); it keeps a room moving when nobody
 * polls. Each step is the room leader's own short transaction: a room another
 * process (or a second run of the cron) leads at this moment is skipped.
 */
export async function advanceAllRooms(
  database: Database,
  options: { batchSize?: number; timeBudgetMs?: number } = {},
): Promise<{ rooms: number; admitted: number }> {
  const batchSize = options.batchSize ?? ADVANCE_ROOMS_BATCH_SIZE;
  const deadline = Date.now() + (options.timeBudgetMs ?? ADVANCE_ROOMS_TIME_BUDGET_MS);
  let rooms = 0;
  let admitted = 0;
  let afterConcertId: string | null = null;
  for (;;) {
    const batch: { concert_id: string }[] = await database.$queryRaw<{ concert_id: string }[]>`
      SELECT concert_id::text AS concert_id FROM waiting_rooms
      WHERE is_room_open(opens_at) AND (NOT is_prequeue_ordered OR last_ticket > serving_counter)
        AND (${afterConcertId}::uuid IS NULL OR concert_id > ${afterConcertId}::uuid)
      ORDER BY concert_id
      LIMIT ${batchSize}`;
    for (const { concert_id: concertId } of batch) {
      const result = await advanceRoom(database, { concertId });
      noteRoomAdvanced(concertId, result);
      if (result.isLeader) admitted += result.admitted;
      rooms += 1;
      if (Date.now() >= deadline) return { rooms, admitted };
    }
    if (batch.length < batchSize) return { rooms, admitted };
    afterConcertId = batch.at(-1)!.concert_id;
  }
}
