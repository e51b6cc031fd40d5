import { performanceUpdate } from "@/lib/admin/concert-input";
import { updatePerformance } from "@/lib/admin/update-performance";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** PATCH /api/admin/performances/{performanceId} (operators) → the date with its new times. */
export const PATCH = adminRoute<{ performanceId: string }>(async ({ request, params, session }) => {
  const performanceId = parseId(params.performanceId, "performance");
  const changes = await readJson(request, performanceUpdate);
  return json({ performance: await updatePerformance(db(), { actorId: session.user.id, performanceId, changes }) });
});

export const { GET, HEAD, POST, PUT, DELETE } = otherMethods("PATCH");
