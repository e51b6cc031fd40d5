import { listSeatsJson } from "@/lib/booking/list-seats";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { jsonText } from "@/lib/http/responses";
import { admittedRoute } from "@/lib/http/route";

export const GET = admittedRoute<{ performanceId: string }>(async ({ params, session, queueTokens }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const body = await listSeatsJson(db(), {
    performanceId,
    userId: session.user.id,
    queueTokens,
  });
  return jsonText(body);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
