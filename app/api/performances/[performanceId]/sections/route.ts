import { listSectionsJson } from "@/lib/booking/list-sections";
import { db } from "@/lib/db";
import { taggedJsonResponse } from "@/lib/http/entity-tags";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { admittedRoute } from "@/lib/http/route";

export const GET = admittedRoute<{ performanceId: string }>(async ({ request, params, session, queueTokens }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const sections = await listSectionsJson(db(), { performanceId, userId: session.user.id, queueTokens });
  return taggedJsonResponse(request, sections);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
