import { endSession } from "@/lib/auth/session";
import { clearedSessionCookieHeader } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noContent } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";

export const POST = sessionRoute(async ({ session }) => {
  await endSession(db(), session.sessionId);
  return noContent({ "set-cookie": clearedSessionCookieHeader() });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
