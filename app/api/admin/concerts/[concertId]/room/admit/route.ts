import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { adminRoute } from "@/lib/http/route";
import { admitNow } from "@/lib/queue/admit-now";
import { admitNowInput } from "@/lib/queue/schemas";

/** POST /api/admin/concerts/{concertId}/room/admit (operators) → how many were let in, and the room. */
export const POST = adminRoute<{ concertId: string }>(async ({ request, params, session }) => {
  const concertId = parseId(params.concertId, "concert");
  const input = await readJson(request, admitNowInput);
  return json(await admitNow(db(), { actorId: session.user.id, concertId, input }));
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
