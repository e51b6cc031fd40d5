import "server-only";
import type { Database, Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { advanceRoom } from "@/lib/queue/advance-room";
import { describeQueuePlace } from "@/lib/queue/describe-queue-place";
import { END_LAPSED_ADMISSION, IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";
import { getRoomSnapshot, noteRoomAdvanced, type RoomSnapshot } from "@/lib/queue/room-snapshot";
import type { JoinQueueResult } from "@/lib/queue/schemas";
import { sealQueueToken, type QueueTokenClaims } from "@/lib/queue/token";

export type JoinQueueOptions = { userId: string; concertId: string };
export type JoinQueueOutcome = { isNew: boolean; status: JoinQueueResult };

type LivePlace = { id: string; ticket: bigint | null; status: "WAITING" | "ADMITTED"; admitted_until: Date | null };

/**
 * A fan's place in the concert's line: their live token again (same place
 * from any tab or device), or a new ticket. Taking a ticket is ONE statement
 * that bumps the room's last_ticket and inserts the token; a race with the
 * fan's own other tab ends at the one-live-token-per-fan unique index, and the
 * loser returns the winner's place. Before the room opens the token gets no
 * ticket (it is drawn at opening). Unknown concert → 404.
 */
export async function joinQueue(database: Database, { userId, concertId }: JoinQueueOptions): Promise<JoinQueueOutcome> {
  let room = await getRoomSnapshot(database, concertId);
  if (!room) throw new AppError("NOT_FOUND", "No such concert.");
  // At opening the pre-queue is drawn first, so a fan arriving now queues behind everyone who came early.
  if (isOpenNow(room) && !room.isPrequeueOrdered) room = await advance(database, room);

  let place = await findLivePlace(database, { userId, concertId });
  let isNew = false;
  for (let attempt = 0; !place && attempt < 2; attempt++) {
    place = await takeTicket(database, { userId, concertId });
    isNew = place !== null;
    place ??= await findLivePlace(database, { userId, concertId });
  }
  if (!place) throw new AppError("CONFLICT", "Your place in line changed meanwhile. Please try again.");

  // A newcomer to an open room with a free place is let in at once, not at the next poll.
  if (isNew && isOpenNow(room) && room.liveAdmitted < room.capacity) await advance(database, room);
  const claims: QueueTokenClaims = {
    tid: place.id,
    uid: userId,
    cid: concertId,
    tkt: place.ticket === null ? null : place.ticket.toString(),
    ...(place.status === "ADMITTED" && place.admitted_until ? { adm: place.admitted_until.getTime() } : {}),
  };
  const status = await describeQueuePlace(database, claims);
  return { isNew, status: { ...status, token: status.token ?? (await sealQueueToken(claims)) } };
}

function isOpenNow(room: RoomSnapshot): boolean {
  return room.opensAtMs <= Date.now() + room.clockOffsetMs;
}

async function advance(database: Database, room: RoomSnapshot): Promise<RoomSnapshot> {
  const advanced = await advanceRoom(database, { concertId: room.concertId });
  return noteRoomAdvanced(room.concertId, advanced) ?? room;
}

/**
 * The fan's live token of the concert, after ending their own admitted token
 * whose turn lapsed (window over, or never claimed), so a fan who comes back
 * later gets a new place instead of a dead one.
 */
async function findLivePlace(db: Db, options: JoinQueueOptions): Promise<LivePlace | null> {
  const rows = await db.$queryRaw<LivePlace[]>`
    WITH lapsed AS (
      UPDATE queue_tokens SET ${END_LAPSED_ADMISSION}
      WHERE user_id = ${options.userId}::uuid AND concert_id = ${options.concertId}::uuid AND ${IS_LAPSED_ADMISSION}
      RETURNING id
    )
    SELECT id::text AS id, ticket, status::text AS status, admitted_until
    FROM queue_tokens
    WHERE user_id = ${options.userId}::uuid AND concert_id = ${options.concertId}::uuid
      AND status IN ('WAITING', 'ADMITTED') AND id NOT IN (SELECT id FROM lapsed)`;
  return rows[0] ?? null;
}

/**
 * Takes the next ticket and inserts the token in one statement. The room row
 * is locked by it until commit, which orders joins against the draw of the
 * pre-queue (lib/queue/draw-prequeue-order.ts). Null when the fan's other tab
 * inserted a live token first (the ticket taken is then a harmless gap).
 */
async function takeTicket(db: Db, options: JoinQueueOptions): Promise<LivePlace | null> {
  const rows = await db.$queryRaw<LivePlace[]>`
    WITH room AS (
      UPDATE waiting_rooms
      SET last_ticket = last_ticket + CASE WHEN is_prequeue_ordered THEN 1 ELSE 0 END
      WHERE concert_id = ${options.concertId}::uuid
      RETURNING CASE WHEN is_prequeue_ordered THEN last_ticket END AS ticket
    )
    INSERT INTO queue_tokens (user_id, concert_id, ticket)
    SELECT ${options.userId}::uuid, ${options.concertId}::uuid, room.ticket FROM room
    ON CONFLICT DO NOTHING
    RETURNING id::text AS id, ticket, status::text AS status, admitted_until`;
  return rows[0] ?? null;
}
