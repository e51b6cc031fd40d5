import "server-only";
import { PERFORMANCE_FACTS } from "@/lib/catalog/performance-facts";
import type { Db } from "@/lib/db";
import { parseEndedTokens, type EndedToken } from "@/lib/queue/ended-tokens";
import { ADMISSION_LAPSES_AT, IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";

/** The pre-queue is counted up to this many; beyond it the room reports this number. */
export const PREQUEUE_COUNT_CAP = 100_000;

export type RoomState = {
  capacity: number;
  ratePerMinute: number;
  windowSeconds: number;
  opensAtMs: number;
  isOpen: boolean;
  /** An operator paused admission: nobody is admitted; waiting fans keep their places. */
  isPaused: boolean;
  isPrequeueOrdered: boolean;
  servingCounter: number;
  lastTicket: number;
  /** Admitted fans whose turn is live (admitted_until ahead; claimed, or the claim window still open). */
  liveAdmitted: number;
  /** The earliest moment an admitted token lapses (window over or claim window missed); null when none is admitted. */
  nextLapseMs: number | null;
  /** Pre-queued fans (ticket not drawn yet), up to PREQUEUE_COUNT_CAP. */
  prequeued: number;
  /** The concert has dates, and none still on sale has a seat left (a concert without any date yet is not sold out). */
  isSoldOut: boolean;
  /** The database clock when this was read. */
  nowMs: number;
  /** Tokens ended since `endedSinceMs` (and, on a first read, every ended token polls could still ask about). */
  ended: EndedToken[];
};

type RoomStateRow = {
  capacity: number;
  admission_rate_per_minute: number;
  admission_window_seconds: number;
  opens_at_ms: number;
  is_open: boolean;
  is_paused: boolean;
  is_prequeue_ordered: boolean;
  serving_counter: bigint;
  last_ticket: bigint;
  live_admitted: bigint;
  next_lapse_ms: number | null;
  prequeued: bigint;
  is_sold_out: boolean;
  now_ms: number;
  ended: unknown;
};

/**
 * Everything a process needs to answer status polls of one room, in ONE
 * statement (it runs about once a second per room per process, never per
 * poll). `endedSinceMs` null means a first read: it then also returns every
 * ended token whose poll would not reach the database by itself (left while
 * waiting ahead of the counter, or ended while admitted with time left).
 * Null for an unknown room.
 */
export async function readRoomState(db: Db, options: { concertId: string; endedSinceMs: number | null }): Promise<RoomState | null> {
  const isFirstRead = options.endedSinceMs === null;
  const endedSinceMs = options.endedSinceMs ?? 0;
  const [row] = await db.$queryRaw<RoomStateRow[]>`
    SELECT r.capacity, r.admission_rate_per_minute, r.admission_window_seconds,
           (extract(epoch FROM r.opens_at) * 1000)::float8 AS opens_at_ms,
           is_room_open(r.opens_at) AS is_open, r.is_paused, r.is_prequeue_ordered, r.serving_counter, r.last_ticket,
           admitted.live_admitted, admitted.next_lapse_ms,
           CASE WHEN r.is_prequeue_ordered THEN 0 ELSE (
             SELECT count(*) FROM (
               SELECT 1 FROM queue_tokens
               WHERE concert_id = r.concert_id AND status = 'WAITING' AND ticket IS NULL
               LIMIT ${PREQUEUE_COUNT_CAP}) prequeue
           ) END AS prequeued,
           EXISTS (SELECT 1 FROM performances p WHERE p.concert_id = r.concert_id)
             AND NOT EXISTS (
               SELECT 1 FROM (${PERFORMANCE_FACTS}) facts
               WHERE facts.concert_id = r.concert_id AND facts.is_on_sale AND NOT facts.is_sold_out
             ) AS is_sold_out,
           (extract(epoch FROM now()) * 1000)::float8 AS now_ms,
           (SELECT coalesce(json_agg(json_build_array(e.id, e.ticket, (extract(epoch FROM e.admitted_until) * 1000)::float8)), '[]'::json)
            FROM (
              SELECT id, ticket, admitted_until FROM queue_tokens
              WHERE concert_id = r.concert_id
                AND ended_at > CASE WHEN ${isFirstRead} THEN now() - make_interval(secs => r.admission_window_seconds)
                                    ELSE to_timestamp(${endedSinceMs}::float8 / 1000) END
              UNION
              SELECT id, ticket, admitted_until FROM queue_tokens
              WHERE ${isFirstRead} AND concert_id = r.concert_id AND status = 'ENDED'
                AND (ticket > r.serving_counter OR ticket IS NULL)
            ) e) AS ended
    FROM waiting_rooms r
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE NOT ${IS_LAPSED_ADMISSION}) AS live_admitted,
             (extract(epoch FROM min(${ADMISSION_LAPSES_AT})) * 1000)::float8 AS next_lapse_ms
      FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'ADMITTED'
    ) admitted
    WHERE r.concert_id = ${options.concertId}::uuid`;
  if (!row) return null;
  return {
    capacity: row.capacity,
    ratePerMinute: row.admission_rate_per_minute,
    windowSeconds: row.admission_window_seconds,
    opensAtMs: row.opens_at_ms,
    isOpen: row.is_open,
    isPaused: row.is_paused,
    isPrequeueOrdered: row.is_prequeue_ordered,
    servingCounter: Number(row.serving_counter),
    lastTicket: Number(row.last_ticket),
    liveAdmitted: Number(row.live_admitted),
    nextLapseMs: row.next_lapse_ms,
    prequeued: Number(row.prequeued),
    isSoldOut: row.is_sold_out,
    nowMs: row.now_ms,
    ended: parseEndedTokens(row.ended),
  };
}
