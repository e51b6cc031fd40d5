import "server-only";
import { Prisma } from "@/lib/db";

/**
 * SQL condition on a reservation aliased `r`: it keeps its seat right now —
 * sold, or held with time left on the database clock. A HELD row whose time
 * ran out frees the seat at once, whether or not the cron has marked it.
 * At most one row per seat matches (reservations_one_live_per_seat), so a
 * LEFT JOIN on it yields one row per seat.
 */
export const IS_LIVE_RESERVATION = Prisma.sql`(r.status = 'CONFIRMED' OR (r.status = 'HELD' AND r.expires_at > now()))`;
