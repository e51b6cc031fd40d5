import "server-only";
import type { Db } from "@/lib/db";
import { ROOM_LINE_COUNTS } from "@/lib/queue/room-line-counts";
import type { AdminRoom } from "@/lib/queue/schemas";

type AdminRoomRow = {
  capacity: number;
  admission_rate_per_minute: number;
  admission_window_seconds: number;
  claim_window_seconds: number;
  opens_at: Date;
  is_paused: boolean;
  last_ticket: bigint;
  serving_counter: bigint;
  waiting: bigint;
  admitted: bigint;
};

/** A concert's waiting room with its settings and exact line, in one statement; null for an unknown concert. */
export async function readAdminRoom(db: Db, concertId: string): Promise<AdminRoom | null> {
  const [row] = await db.$queryRaw<AdminRoomRow[]>`
    SELECT r.capacity, r.admission_rate_per_minute, r.admission_window_seconds, r.claim_window_seconds, r.opens_at, r.is_paused,
           r.last_ticket, r.serving_counter, ${ROOM_LINE_COUNTS}
    FROM waiting_rooms r WHERE r.concert_id = ${concertId}::uuid`;
  if (!row) return null;
  return {
    capacity: row.capacity,
    admissionRatePerMinute: row.admission_rate_per_minute,
    admissionWindowSeconds: row.admission_window_seconds,
    claimWindowSeconds: row.claim_window_seconds,
    opensAt: row.opens_at.toISOString(),
    isPaused: row.is_paused,
    lastTicket: Number(row.last_ticket),
    servingCounter: Number(row.serving_counter),
    waiting: Number(row.waiting),
    admitted: Number(row.admitted),
  };
}
