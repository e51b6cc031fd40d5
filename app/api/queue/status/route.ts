import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readQueueTokens } from "@/lib/http/queue-tokens";
import { parseOrThrow } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { queueCookieHeader } from "@/lib/queue/queue-cookie";
import { readQueueStatus } from "@/lib/queue/read-queue-status";
import { queueStatusQuery } from "@/lib/queue/schemas";
import { queueTokenSource } from "@/lib/queue/queue-tokens";

export const dynamic = "force-dynamic";

/** The status poll: authenticated by the signed token alone (no session lookup), answered without the database in the steady state. */
export const GET = publicRoute(async ({ request }) => {
  const query = parseOrThrow(queueStatusQuery, Object.fromEntries(new URL(request.url).searchParams));
  const source = queueTokenSource(readQueueTokens(request.headers), query.concertId);
  const status = await readQueueStatus(db(), source);
  // The web UI keeps its token in the cookie: a fresh token replaces it there.
  const headers = status.token && source.cookieConcertId ? { "set-cookie": queueCookieHeader(source.cookieConcertId, status.token) } : undefined;
  return json(status, { headers });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
