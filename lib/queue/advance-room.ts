import "server-only";
import type { Database, SqlClient } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { admissionAllowance, msPerAdmission } from "@/lib/queue/admission-math";
import { parseEndedTokens, type EndedToken } from "@/lib/queue/ended-tokens";
import { drawPrequeueOrder } from "@/lib/queue/draw-prequeue-order";
import { END_LAPSED_ADMISSION, IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";

/** Namespace of the waiting-room leader locks in pg_advisory_xact_lock(namespace, key) ("QUEU"). */
const ROOM_LEADER_LOCK_NAMESPACE = 0x51554555;

export type AdvanceRoomOptions = { concertId: string };

export type AdvanceRoomResult =
  /** Another process leads the room at this moment (or there is no such room): nothing was changed. */
  | { isLeader: false }
  | {
      isLeader: true;
      admitted: number;
      /** Admitted tokens this advance ended because the window ran out or the turn was never claimed. */
      ended: EndedToken[];
      servingCounter: number;
      lastTicket: number;
      /** Admitted-and-live fans after this advance; null when the room has not opened (nothing was counted). */
      liveAdmitted: number | null;
      isPrequeueOrdered: boolean;
    };

type RoomRow = {
  is_open: boolean;
  is_paused: boolean;
  is_prequeue_ordered: boolean;
  capacity: number;
  admission_rate_per_minute: number;
  admission_window_seconds: number;
  claim_window_seconds: number;
  serving_counter: bigint;
  last_ticket: bigint;
  now_ms: number;
  last_advanced_at_ms: number;
};

/**
 * One admission step of a room, by its single leader: whoever holds the
 * room's transaction-level advisory lock (other processes skip at once, so
 * any number of app processes may call this concurrently). The leader draws
 * the pre-queue order at opening, ends admitted tokens whose window is over or
 * whose turn was never claimed, then admits the next waiting tickets while
 * admitted-and-live fans stay within the capacity and the rate cap, and moves
 * the serving counter (never backwards). A paused room admits nobody: the
 * pause is a column of the room row this transaction holds FOR UPDATE, so a
 * pause that committed is seen, and one not yet committed waits for this step
 * to end (docs/decisions/121).
 *
 * Lock order: the leader locks the room row first and only then touches
 * tokens, skipping token rows other transactions hold. A join holds the room
 * row while its insert may wait on a token row, so taking them the other way
 * round could deadlock against a join.
 */
export async function advanceRoom(database: Database, { concertId }: AdvanceRoomOptions): Promise<AdvanceRoomResult> {
  return inTransaction(database, async (tx) => {
    const [room] = await tx.$queryRaw<RoomRow[]>`
      SELECT is_room_open(opens_at) AS is_open, is_paused, is_prequeue_ordered, capacity, admission_rate_per_minute,
             admission_window_seconds, claim_window_seconds, serving_counter, last_ticket,
             (extract(epoch FROM now()) * 1000)::float8 AS now_ms,
             (extract(epoch FROM last_advanced_at) * 1000)::float8 AS last_advanced_at_ms
      FROM waiting_rooms
      WHERE concert_id = ${concertId}::uuid
        AND pg_try_advisory_xact_lock(${ROOM_LEADER_LOCK_NAMESPACE}::int, hashtext(${concertId}::text))
      FOR UPDATE`;
    if (!room) return { isLeader: false };
    const result = {
      isLeader: true as const,
      admitted: 0,
      ended: [] as EndedToken[],
      servingCounter: Number(room.serving_counter),
      lastTicket: Number(room.last_ticket),
      liveAdmitted: null as number | null,
      isPrequeueOrdered: room.is_prequeue_ordered,
    };
    if (!room.is_open) return result;

    if (!room.is_prequeue_ordered) {
      result.lastTicket = await drawPrequeueOrder(tx, { concertId });
      result.isPrequeueOrdered = true;
    }

    const { live, ended } = await endLapsedAdmissions(tx, concertId);
    result.ended = ended;
    result.liveAdmitted = live;

    if (room.is_paused) return result;

    const allowance = admissionAllowance({
      capacity: room.capacity,
      liveAdmitted: live,
      ratePerMinute: room.admission_rate_per_minute,
      nowMs: room.now_ms,
      lastAdvancedAtMs: room.last_advanced_at_ms,
    });
    if (allowance.count === 0 || result.lastTicket <= result.servingCounter) return result;

    const admitted = await admitNextWaiting(tx, {
      concertId,
      count: allowance.count,
      admissionWindowSeconds: room.admission_window_seconds,
      claimWindowSeconds: room.claim_window_seconds,
      rateCredit: { bucketStartMs: allowance.bucketStartMs, msPerAdmission: msPerAdmission(room.admission_rate_per_minute) },
    });
    if (admitted) {
      result.admitted = admitted.admitted;
      result.servingCounter = admitted.servingCounter;
      result.lastTicket = admitted.lastTicket;
      result.liveAdmitted = live + result.admitted;
    }
    return result;
  });
}

/**
 * Admits up to `count` waiting tickets in ticket order and moves the serving
 * counter (never backwards). Call it holding the room row FOR UPDATE, with
 * `count` within the capacity left. `rateCredit` spends the rate cap's token
 * bucket (the leader); an operator's "admit now" passes none and leaves it as
 * it is. Null when the room row is gone.
 */
export async function admitNextWaiting(
  tx: SqlClient,
  options: {
    concertId: string;
    count: number;
    admissionWindowSeconds: number;
    claimWindowSeconds: number;
    rateCredit: { bucketStartMs: number; msPerAdmission: number } | null;
  },
): Promise<{ admitted: number; servingCounter: number; lastTicket: number } | null> {
  const { concertId, rateCredit } = options;
  const [row] = await tx.$queryRaw<{ serving_counter: bigint; last_ticket: bigint; admitted: bigint }[]>`
    WITH next AS (
      SELECT id FROM queue_tokens
      WHERE concert_id = ${concertId}::uuid AND status = 'WAITING' AND ticket IS NOT NULL
      ORDER BY ticket
      LIMIT ${options.count}
      FOR UPDATE SKIP LOCKED
    ), admitted AS (
      UPDATE queue_tokens q
      SET status = 'ADMITTED', admitted_at = now(),
          admitted_until = now() + make_interval(secs => ${options.admissionWindowSeconds}),
          claim_by = now() + make_interval(secs => ${options.claimWindowSeconds})
      FROM next WHERE q.id = next.id
      RETURNING q.ticket
    )
    UPDATE waiting_rooms
    SET serving_counter = GREATEST(serving_counter, coalesce((SELECT max(ticket) FROM admitted), 0)),
        last_advanced_at = CASE WHEN ${rateCredit === null} THEN last_advanced_at
          ELSE to_timestamp((${rateCredit?.bucketStartMs ?? 0}::float8 + (SELECT count(*) FROM admitted) * ${rateCredit?.msPerAdmission ?? 0}::float8) / 1000) END
    WHERE concert_id = ${concertId}::uuid
    RETURNING serving_counter, last_ticket, (SELECT count(*) FROM admitted) AS admitted`;
  if (!row) return null;
  return { admitted: Number(row.admitted), servingCounter: Number(row.serving_counter), lastTicket: Number(row.last_ticket) };
}

/**
 * Ends the room's admitted tokens whose window is over or whose turn was not
 * claimed in time, and counts the admitted-and-live ones that remain. One
 * statement: the count sees the rows as they were before the update, so the
 * ended ones are subtracted. A token another transaction holds (a payment
 * ending it, a fan claiming it) is skipped rather than waited for and counted
 * as live: that can only make the leader admit fewer, never more.
 */
export async function endLapsedAdmissions(tx: SqlClient, concertId: string): Promise<{ live: number; ended: EndedToken[] }> {
  const [row] = await tx.$queryRaw<{ live: bigint; ended: unknown }[]>`
    WITH lapsed AS (
      SELECT id FROM queue_tokens
      WHERE concert_id = ${concertId}::uuid AND ${IS_LAPSED_ADMISSION}
      FOR UPDATE SKIP LOCKED
    ), ended AS (
      UPDATE queue_tokens q SET ${END_LAPSED_ADMISSION}
      FROM lapsed WHERE q.id = lapsed.id
      RETURNING q.id, q.ticket, q.admitted_until
    )
    SELECT (SELECT count(*) FROM queue_tokens WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED')
             - (SELECT count(*) FROM ended) AS live,
           (SELECT coalesce(json_agg(json_build_array(id, ticket, (extract(epoch FROM admitted_until) * 1000)::float8)), '[]'::json)
            FROM ended) AS ended`;
  return { live: Number(row?.live ?? 0), ended: parseEndedTokens(row?.ended) };
}
