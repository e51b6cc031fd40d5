import { concertInput } from "@/lib/admin/concert-input";
import { createConcert } from "@/lib/admin/create-concert";
import { readAdminConcerts } from "@/lib/admin/read-admin-concerts";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** GET /api/admin/concerts (operators) → every concert with its prices, dates and room opening, newest first. */
export const GET = adminRoute(async () => json({ concerts: await readAdminConcerts(db()) }));

/** POST /api/admin/concerts (operators) → 201 the concert, with its waiting room. */
export const POST = adminRoute(async ({ request, session }) => {
  const input = await readJson(request, concertInput);
  return json({ concert: await createConcert(db(), { actorId: session.user.id, input }) }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
