import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db";
import { inRawTransaction } from "@/lib/db/sql-transaction";
import { readVenues } from "@/lib/venues/read-venues";
import { insertVenue } from "@/lib/venues/venue-records";
import { toSectionSpecs, type Venue, type VenueInput } from "@/lib/venues/venue-input";

/**
 * Builds a venue from validated input (venueInput) through create_venue, the
 * one home of the layout, and audits it (venue.create) in the same
 * transaction.
 */
export async function createVenue(database: Database, options: { actorId: string; input: VenueInput }): Promise<Venue> {
  const { name, sections, reason } = options.input;
  return inRawTransaction(database, async (tx) => {
    const venueId = await insertVenue(tx, { name, sections: toSectionSpecs(sections) });
    const [venue] = await readVenues(tx, { venueId });
    await recordAudit(tx, {
      actorId: options.actorId, action: "venue.create", target: `venue:${venueId}`, reason,
      after: { name, totalSeats: venue!.totalSeats, sections: venue!.sections.map((section) => section.name) },
    });
    return venue!;
  });
}
