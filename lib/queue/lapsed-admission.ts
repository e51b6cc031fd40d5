import "server-only";
import { Prisma } from "@/lib/db";

/*
 * When an admitted turn lapses, and how it ends: the one home of the rule
 * (docs/decisions/050). The fragments name the columns of queue_tokens
 * unqualified, so they fit any statement whose only row source with these
 * columns is that table.
 */

/** When an ADMITTED turn lapses: its window ends, or, unclaimed, its claim window ends first. */
export const ADMISSION_LAPSES_AT = Prisma.sql`(CASE WHEN claimed_at IS NULL THEN LEAST(claim_by, admitted_until) ELSE admitted_until END)`;

/** An ADMITTED turn that has lapsed by the database clock. */
export const IS_LAPSED_ADMISSION = Prisma.sql`(status = 'ADMITTED' AND ${ADMISSION_LAPSES_AT} <= now())`;

/**
 * The SET list that ends a lapsed turn: ABANDONED when it was never claimed
 * (the fan did not show up in time), EXPIRED when its window ran out.
 */
export const END_LAPSED_ADMISSION = Prisma.sql`
  status = 'ENDED', ended_at = now(),
  end_reason = CASE WHEN claimed_at IS NULL THEN 'ABANDONED'::"QueueEndReason" ELSE 'EXPIRED'::"QueueEndReason" END`;
