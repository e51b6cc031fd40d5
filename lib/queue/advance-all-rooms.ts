import "server-only";
import type { Database } from "@/lib/db";
import { advanceRoom } from "@/lib/queue/advance-room";
import { noteRoomAdvanced } from "@/lib/queue/room-snapshot";

/**
 * One admission step for every open room with someone to admit, for the
 * once-a-minute cron. Admission never depends on it (status polls and joins
 * advance rooms too); it keeps a room moving when nobody polls. Rooms led by
 * another process at this moment are skipped.
 */
export async function advanceAllRooms(database: Database): Promise<{ rooms: number; admitted: number }> {
  const rooms = await database.$queryRaw<{ concert_id: string }[]>`
    SELECT concert_id::text AS concert_id FROM waiting_rooms
    WHERE opens_at <= now() AND (NOT is_prequeue_ordered OR last_ticket > serving_counter)
    ORDER BY concert_id`;
  let admitted = 0;
  for (const { concert_id: concertId } of rooms) {
    const result = await advanceRoom(database, { concertId });
    noteRoomAdvanced(concertId, result);
    if (result.isLeader) admitted += result.admitted;
  }
  return { rooms: rooms.length, admitted };
}
