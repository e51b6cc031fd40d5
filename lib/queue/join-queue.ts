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
  // At opening the pre-queue is drawn first, so a fan arriving now queues behind everyone who came early
  // (takeTicket makes sure of it by the database's clock; this spares it a round trip).
  if (isOpenNow(room) && !room.isPrequeueOrdered) room = await advance(database, room);

  let place = await findLivePlace(database, { userId, concertId });
  let isNew = false;
  for (let attempt = 0; !place && attempt < MAX_TICKET_ATTEMPTS; attempt++) {
    const taken = await takeTicket(database, { userId, concertId });
    if (taken === DRAW_DUE) {
      // Open by the database's clock and not drawn yet (this process's snapshot was behind, or the
      // leader's step began before the opening): the pre-queue is drawn first, then the fan queues.
      room = await advance(database, room);
      continue;
    }
    place = taken;
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
 * Joins that find the draw due, or lose their ticket to their own other tab,
 * try again this many times in all. Each later try waits on the room row for
 * the step that holds it, so a few are enough.
 */
const MAX_TICKET_ATTEMPTS = 5;

type TakeTicketRow = { [Column in keyof LivePlace]: LivePlace[Column] | null } & { is_draw_due: boolean };

/** takeTicket's answer when the room has opened and its pre-queue must be drawn first. */
const DRAW_DUE = Symbol("draw due");

/**
 * Takes the next ticket and inserts the token in one statement. The room row
 * is locked by it until commit, which orders joins against the draw of the
 * pre-queue (lib/queue/draw-prequeue-order.ts). Before the opening, by the
 * database's clock at the join, the token gets no ticket (it is drawn); once
 * drawn, the next number. A join that arrives after the opening while the
 * pre-queue is not drawn yet takes nothing and answers DRAW_DUE: it must
 * never be drawn in with those who came before the opening. Null when the
 * fan's other tab inserted a live token first (the ticket taken is then a
 * harmless gap).
 */
async function takeTicket(db: Db, options: JoinQueueOptions): Promise<LivePlace | typeof DRAW_DUE | null> {
  const rows = await db.$queryRaw<TakeTicketRow[]>`
    WITH room AS (
      UPDATE waiting_rooms
      SET last_ticket = last_ticket + CASE WHEN is_prequeue_ordered THEN 1 ELSE 0 END
      WHERE concert_id = ${options.concertId}::uuid AND (is_prequeue_ordered OR NOT is_room_open(opens_at))
      RETURNING CASE WHEN is_prequeue_ordered THEN last_ticket END AS ticket
    ), inserted AS (
      INSERT INTO queue_tokens (user_id, concert_id, ticket)
      SELECT ${options.userId}::uuid, ${options.concertId}::uuid, room.ticket FROM room
      ON CONFLICT DO NOTHING
      RETURNING id::text AS id, ticket, status::text AS status, admitted_until
    )
    SELECT inserted.*, NOT EXISTS (SELECT FROM room) AS is_draw_due
    FROM (VALUES (1)) AS one LEFT JOIN inserted ON true`;
  const [row] = rows;
  if (!row || row.is_draw_due) return DRAW_DUE;
  return row.id === null || row.status === null ? null : { id: row.id, ticket: row.ticket, status: row.status, admitted_until: row.admitted_until };
}
