import "server-only";
import { assertPricesFitGrades } from "@/lib/admin/price-grades";
import { readAdminConcert } from "@/lib/admin/read-admin-concerts";
import type { AdminConcert, ConcertInput } from "@/lib/admin/concert-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inTransaction } from "@/lib/db/transaction";
import { DEFAULT_ROOM_SETTINGS } from "@/lib/queue/room-defaults";
import { insertConcertPrices } from "@/lib/venues/venue-records";

/**
 * A concert in a venue with a price for every grade of the venue (else 422),
 * and its waiting room with the default settings, opening at `opensAt` or at
 * once. Audited as concert.create in the same transaction. It shows in the
 * catalogue once it has a date.
 */
export async function createConcert(database: Database, options: { actorId: string; input: ConcertInput }): Promise<AdminConcert> {
  const { input } = options;
  const concert = await inTransaction(database, async (tx) => {
    const grades = await tx.$queryRaw<{ grade: string }[]>`
      SELECT DISTINCT grade FROM venue_sections WHERE venue_id = ${input.venueId}::uuid`;
    if (!grades.length) {
      throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { details: { fields: { venueId: ["No such venue."] } } });
    }
    assertPricesFitGrades(input.prices, grades.map((row) => row.grade), true);
    const [created] = await tx.$queryRaw<{ id: string }[]>`
      WITH concert AS (
        INSERT INTO concerts (title, artist, venue_id, description)
        VALUES (${input.title}, ${input.artist}, ${input.venueId}::uuid, ${input.description})
        RETURNING id
      ), room AS (
        INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
        SELECT id, ${DEFAULT_ROOM_SETTINGS.capacity}, ${DEFAULT_ROOM_SETTINGS.admissionRatePerMinute},
               ${DEFAULT_ROOM_SETTINGS.admissionWindowSeconds}, ${DEFAULT_ROOM_SETTINGS.claimWindowSeconds},
               coalesce(${input.opensAt ?? null}::timestamptz, now())
        FROM concert
      )
      SELECT id::text AS id FROM concert`;
    const concertId = created!.id;
    await insertConcertPrices(tx, concertId, input.prices);
    const concert = (await readAdminConcert(tx, concertId))!;
    await recordAudit(tx, {
      actorId: options.actorId, action: "concert.create", target: `concert:${concertId}`, concertId, reason: input.reason,
      after: { title: concert.title, artist: concert.artist, venueId: concert.venueId, prices: concert.prices, roomOpensAt: concert.roomOpensAt },
    });
    return concert;
  });
  catalogSnapshot().markStale();
  return concert;
}
