import { listSeatsJson } from "@/lib/booking/list-seats";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { jsonText } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { queueTokenFrom } from "@/lib/queue/require-admission";

export const GET = sessionRoute<{ performanceId: string }>(async ({ request, params, session }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const body = await listSeatsJson(db(), {
    performanceId,
    userId: session.user.id,
    queueTokenFor: (concertId) => queueTokenFrom(request, concertId),
  });
  return jsonText(body);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
