import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";
import { createVenue } from "@/lib/venues/create-venue";
import { readVenues } from "@/lib/venues/read-venues";
import { venueInput } from "@/lib/venues/venue-input";

/** GET /api/admin/venues (operators) → every venue with its sections, newest first. */
export const GET = adminRoute(async () => json({ venues: await readVenues(db()) }));

/** POST /api/admin/venues (operators) → 201 the venue built from its sections. */
export const POST = adminRoute(async ({ request, session }) => {
  const input = await readJson(request, venueInput);
  return json({ venue: await createVenue(db(), { actorId: session.user.id, input }) }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
