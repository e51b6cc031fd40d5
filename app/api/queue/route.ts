import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readQueueTokens } from "@/lib/http/queue-tokens";
import { parseOrThrow } from "@/lib/http/request";
import { noContent } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { leaveQueue } from "@/lib/queue/leave-queue";
import { clearedQueueCookieHeader } from "@/lib/queue/queue-cookie";
import { leaveQueueQuery } from "@/lib/queue/schemas";
import { queueTokenSource } from "@/lib/queue/queue-tokens";

/** Leave the line: 204, also when the place had already ended; the web UI's cookie is cleared. */
export const DELETE = sessionRoute(async ({ request, session }) => {
  const query = parseOrThrow(leaveQueueQuery, Object.fromEntries(new URL(request.url).searchParams));
  const source = queueTokenSource(readQueueTokens(request.headers), query.concertId);
  const { concertId } = await leaveQueue(db(), { ...source, userId: session.user.id });
  return noContent({ "set-cookie": clearedQueueCookieHeader(concertId) });
});

export const { GET, HEAD, POST, PUT, PATCH } = otherMethods("DELETE");
