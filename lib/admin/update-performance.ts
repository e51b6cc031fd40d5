import "server-only";
import { bookingWindowIssues, type AdminPerformance, type PerformanceUpdate } from "@/lib/admin/concert-input";
import { lockConcertDates } from "@/lib/admin/lock-concert-dates";
import { recordAudit } from "@/lib/audit/record-audit";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Database } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

type DateRow = { concert_id: string; starts_at: Date; booking_opens_at: Date; booking_closes_at: Date; sold: bigint; taken: boolean; total: bigint };

/**
 * Moves a date's start or booking window (docs/decisions/120). The start of a
 * date with a seat sold or held stays as it is (409 SEATS_SOLD): fans bought
 * that time. Its booking window may still move, even to close the sale early:
 * that takes no seat from anyone. Booking opens before it closes, and closes
 * by the start (422). Audited as performance.update; unknown date → 404.
 */
export async function updatePerformance(
  database: Database,
  options: { actorId: string; performanceId: string; changes: PerformanceUpdate },
): Promise<AdminPerformance> {
  const { performanceId, changes } = options;
  const performance = await inTransaction(database, async (tx) => {
    const [owner] = await tx.$queryRaw<{ concert_id: string }[]>`
      SELECT concert_id::text AS concert_id FROM performances WHERE id = ${performanceId}::uuid`;
    if (!owner) throw new AppError("NOT_FOUND", "No such performance.");
    await lockConcertDates(tx, { concertId: owner.concert_id, performanceId });
    const [current] = await tx.$queryRaw<DateRow[]>`
      SELECT p.concert_id::text AS concert_id, p.starts_at, p.booking_opens_at, p.booking_closes_at,
             (SELECT count(*) FROM reservations r WHERE r.performance_id = p.id AND r.status = 'CONFIRMED') AS sold,
             EXISTS (SELECT 1 FROM reservations r WHERE r.performance_id = p.id AND r.status IN ('HELD', 'CONFIRMED')
                       AND is_live_reservation(r.status, r.expires_at)) AS taken,
             (SELECT count(*) FROM seats s WHERE s.performance_id = p.id) AS total
      FROM performances p WHERE p.id = ${performanceId}::uuid`;
    const next = {
      startsAt: changes.startsAt ?? current!.starts_at,
      bookingOpensAt: changes.bookingOpensAt ?? current!.booking_opens_at,
      bookingClosesAt: changes.bookingClosesAt ?? current!.booking_closes_at,
    };
    const issues = bookingWindowIssues(next);
    if (issues.length) {
      throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", {
        details: { fields: Object.fromEntries(issues.map((issue) => [issue.path, [issue.message]])) },
      });
    }
    const isMoved = next.startsAt.getTime() !== current!.starts_at.getTime();
    if (isMoved && current!.taken) {
      throw new AppError("SEATS_SOLD", "This date has seats sold or held: its start cannot move. Its booking window still can.");
    }
    await tx.$executeRaw`
      UPDATE performances SET starts_at = ${next.startsAt}::timestamptz, booking_opens_at = ${next.bookingOpensAt}::timestamptz,
                              booking_closes_at = ${next.bookingClosesAt}::timestamptz
      WHERE id = ${performanceId}::uuid`;
    const times = (value: { startsAt: Date; bookingOpensAt: Date; bookingClosesAt: Date }) => ({
      startsAt: value.startsAt.toISOString(), bookingOpensAt: value.bookingOpensAt.toISOString(), bookingClosesAt: value.bookingClosesAt.toISOString(),
    });
    const before = times({ startsAt: current!.starts_at, bookingOpensAt: current!.booking_opens_at, bookingClosesAt: current!.booking_closes_at });
    await recordAudit(tx, {
      actorId: options.actorId, action: "performance.update", target: `performance:${performanceId}`, concertId: current!.concert_id,
      reason: changes.reason, before, after: times(next),
    });
    return { id: performanceId, ...times(next), totalSeats: Number(current!.total), soldSeats: Number(current!.sold) };
  });
  catalogSnapshot().markStale();
  return performance;
}
