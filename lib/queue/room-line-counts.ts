import "server-only";
import { Prisma } from "@/lib/db";
import { IS_LAPSED_ADMISSION } from "@/lib/queue/lapsed-admission";

/**
 * The exact line of a room `r` (a waiting_rooms row of the query), as the
 * select items `waiting` and `admitted`, at a cost that does not grow with
 * the number of fans waiting once the room is open (docs/decisions/122).
 * Every ticket 1…last_ticket belongs to one token, and a token whose ticket
 * is beyond the serving counter is WAITING or ENDED (left the line; retention
 * keeps it while the line has not reached it). So the fans waiting are the
 * tickets beyond the counter, less those that left, plus the few tickets the
 * leader skipped below the counter while another transaction held them, plus
 * the pre-queue (no ticket until the opening draw). Each term is a range of
 * the (concert_id, status, ticket) index; admitted fans are about the
 * capacity at most.
 */
export const ROOM_LINE_COUNTS = Prisma.sql`
  (r.last_ticket - r.serving_counter)
    - (SELECT count(*) FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'ENDED' AND ticket > r.serving_counter)
    + (SELECT count(*) FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'WAITING' AND ticket <= r.serving_counter)
    + (SELECT count(*) FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'WAITING' AND ticket IS NULL) AS waiting,
  (SELECT count(*) FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'ADMITTED' AND NOT ${IS_LAPSED_ADMISSION}) AS admitted`;

/**
 * The no-shows of a room `r`, as the select item `no_shows`: fans admitted who
 * never claimed their turn in time, whether the sweep has ended the turn
 * (ABANDONED, END_LAPSED_ADMISSION) or not yet. An admitted fan's ticket is at
 * or below the serving counter, so the count is a range of the (concert_id,
 * status, ticket) index over the fans served, never over those waiting.
 */
export const ROOM_NO_SHOWS = Prisma.sql`
  (SELECT count(*) FROM queue_tokens
   WHERE concert_id = r.concert_id AND status = 'ENDED' AND ticket <= r.serving_counter AND end_reason = 'ABANDONED')
  + (SELECT count(*) FROM queue_tokens WHERE concert_id = r.concert_id AND status = 'ADMITTED' AND claimed_at IS NULL AND ${IS_LAPSED_ADMISSION}) AS no_shows`;
