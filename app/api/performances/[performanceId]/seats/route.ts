import { listSeatsJson } from "@/lib/booking/list-seats";
import { seatsQuery } from "@/lib/booking/schemas";
import { db } from "@/lib/db";
import { taggedJsonResponse } from "@/lib/http/entity-tags";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, parseOrThrow } from "@/lib/http/request";
import { admittedRoute } from "@/lib/http/route";

export const GET = admittedRoute<{ performanceId: string }>(async ({ request, params, session, queueTokens }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const { section } = parseOrThrow(seatsQuery, Object.fromEntries(new URL(request.url).searchParams));
  const seats = await listSeatsJson(db(), {
    performanceId,
    sectionId: section === undefined ? undefined : parseId(section, "section"),
    userId: session.user.id,
    queueTokens,
  });
  return taggedJsonResponse(request, seats);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
