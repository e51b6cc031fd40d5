import { performanceInput } from "@/lib/admin/concert-input";
import { createPerformance } from "@/lib/admin/create-performance";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";

/** POST /api/admin/concerts/{concertId}/performances (operators) → 201 the date with its seats made. */
export const POST = adminRoute<{ concertId: string }>(async ({ request, params, session }) => {
  const concertId = parseId(params.concertId, "concert");
  const input = await readJson(request, performanceInput);
  return json({ performance: await createPerformance(db(), { actorId: session.user.id, concertId, input }) }, 201);
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
