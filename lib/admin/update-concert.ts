import "server-only";
import { assertPricesFitGrades } from "@/lib/admin/price-grades";
import { lockConcertDates } from "@/lib/admin/lock-concert-dates";
import { readAdminConcert } from "@/lib/admin/read-admin-concerts";
import type { AdminConcert, ConcertUpdate } from "@/lib/admin/concert-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Database } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

/** Re-pricing every seat of an arena's dates takes longer than a request's usual statement limit. */
const REPRICE_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Edits a concert's title, artist, description and prices. A grade's price
 * changes only while no seat of that grade is sold or held on any date (409
 * SEATS_SOLD otherwise): a fan always pays what the seat cost when it was
 * taken. A new price reaches the concert's prices and the unsold seats of
 * every date already made. Audited as concert.update with the fields before
 * and after; unknown concert → 404.
 */
export async function updateConcert(
  database: Database,
  options: { actorId: string; concertId: string; changes: ConcertUpdate },
): Promise<AdminConcert> {
  const { concertId, changes } = options;
  const concert = await inTransaction(database, async (tx) => {
    const [locked] = await tx.$queryRaw<{ venue_id: string }[]>`
      SELECT venue_id::text AS venue_id FROM concerts WHERE id = ${concertId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", "No such concert.");
    const before = (await readAdminConcert(tx, concertId))!;
    const newPrices = Object.fromEntries(Object.entries(changes.prices ?? {}).filter(([grade, price]) => before.prices[grade] !== price));
    const grades = Object.keys(newPrices);
    if (changes.prices) assertPricesFitGrades(changes.prices, Object.keys(before.prices), false);
    if (grades.length) {
      await lockConcertDates(tx, { concertId });
      const sold = await tx.$queryRaw<{ grade: string }[]>`
        SELECT DISTINCT s.grade FROM reservations r
        JOIN performances p ON p.id = r.performance_id
        JOIN seats s ON s.id = r.seat_id
        WHERE p.concert_id = ${concertId}::uuid AND s.grade = ANY(${grades}::text[]) AND is_live_reservation(r.status, r.expires_at)`;
      if (sold.length) {
        throw new AppError("SEATS_SOLD", `Seats of ${sold.map((row) => row.grade).join(", ")} are sold or held: their price cannot change.`, {
          details: { grades: sold.map((row) => row.grade) },
        });
      }
      const won = grades.map((grade) => BigInt(newPrices[grade]!));
      await tx.$executeRaw`
        UPDATE concert_prices cp SET price = changed.price
        FROM unnest(${grades}::text[], ${won}::bigint[]) AS changed(grade, price)
        WHERE cp.concert_id = ${concertId}::uuid AND cp.grade = changed.grade`;
      await tx.$executeRaw`
        UPDATE seats s SET price = changed.price
        FROM unnest(${grades}::text[], ${won}::bigint[]) AS changed(grade, price), performances p
        WHERE p.concert_id = ${concertId}::uuid AND s.performance_id = p.id AND s.grade = changed.grade`;
    }
    await tx.$executeRaw`
      UPDATE concerts SET title = coalesce(${changes.title ?? null}, title), artist = coalesce(${changes.artist ?? null}, artist),
                          description = coalesce(${changes.description ?? null}, description)
      WHERE id = ${concertId}::uuid`;
    const after = (await readAdminConcert(tx, concertId))!;
    await recordAudit(tx, {
      actorId: options.actorId, action: "concert.update", target: `concert:${concertId}`, concertId, reason: changes.reason,
      before: editableFields(before), after: editableFields(after),
    });
    return after;
  }, { statementTimeoutMs: REPRICE_STATEMENT_TIMEOUT_MS });
  catalogSnapshot().markStale();
  return concert;
}

function editableFields(concert: AdminConcert) {
  return { title: concert.title, artist: concert.artist, description: concert.description, prices: concert.prices };
}
