import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { parseId } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { joinQueue } from "@/lib/queue/join-queue";
import { queueCookieHeader } from "@/lib/queue/queue-cookie";

/** Join the concert's line: 201 with a new place, 200 with the fan's live place again. */
export const POST = sessionRoute<{ concertId: string }>(async ({ params, session }) => {
  const concertId = parseId(params.concertId, "concert");
  const { isNew, status } = await joinQueue(db(), { userId: session.user.id, concertId });
  return json(status, { status: isNew ? 201 : 200, headers: { "set-cookie": queueCookieHeader(concertId, status.token) } });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
