import "server-only";
import { Prisma } from "@/lib/db";

/**
 * SQL twin of isStillNeeded (lib/queue/ended-tokens.ts), for an ENDED token `t`
 * of room `r` at the moment `at`: true while a status poll of it is answered
 * without the database, so a process must learn from the row that it ended
 * (its ticket not yet passed by the serving counter, a pre-queue token before
 * the draw, or an admission with time left). Such a row must not be removed.
 */
export function isEndedTokenStillPolled(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    coalesce(t.admitted_until > ${at}, false)
    OR CASE WHEN t.ticket IS NULL THEN NOT coalesce(r.is_prequeue_ordered, true)
            ELSE t.ticket > coalesce(r.serving_counter, t.ticket) END)`;
}
