import "server-only";
import type { AdminPerformance, PerformanceInput } from "@/lib/admin/concert-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Database } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { createPerformanceSeats } from "@/lib/venues/venue-records";

/** Making an arena's 100,000 seats takes longer than a request's usual statement limit. */
const SEATS_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * A date of a concert with its seats, made by create_performance_seats from
 * the venue and the prices, audited as performance.create. The start must lie
 * ahead (422); unknown concert → 404.
 */
export async function createPerformance(
  database: Database,
  options: { actorId: string; concertId: string; input: PerformanceInput },
): Promise<AdminPerformance> {
  const { concertId, input } = options;
  const performance = await inTransaction(database, async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; is_ahead: boolean }[]>`
      INSERT INTO performances (concert_id, starts_at, booking_opens_at, booking_closes_at)
      SELECT id, ${input.startsAt}::timestamptz, ${input.bookingOpensAt}::timestamptz, ${input.bookingClosesAt}::timestamptz
      FROM concerts WHERE id = ${concertId}::uuid
      RETURNING id::text AS id, starts_at > now() AS is_ahead`;
    if (!row) throw new AppError("NOT_FOUND", "No such concert.");
    if (!row.is_ahead) {
      throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { details: { fields: { startsAt: ["A new date must start in the future."] } } });
    }
    const totalSeats = await createPerformanceSeats(tx, row.id);
    const created: AdminPerformance = {
      id: row.id, startsAt: input.startsAt.toISOString(), bookingOpensAt: input.bookingOpensAt.toISOString(),
      bookingClosesAt: input.bookingClosesAt.toISOString(), totalSeats, soldSeats: 0,
    };
    await recordAudit(tx, {
      actorId: options.actorId, action: "performance.create", target: `performance:${row.id}`, concertId, reason: input.reason,
      after: { startsAt: created.startsAt, bookingOpensAt: created.bookingOpensAt, bookingClosesAt: created.bookingClosesAt, totalSeats },
    });
    return created;
  }, { statementTimeoutMs: SEATS_STATEMENT_TIMEOUT_MS });
  catalogSnapshot().markStale();
  return performance;
}
