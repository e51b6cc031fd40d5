import { signInInput } from "@/lib/auth/schemas";
import { createSession } from "@/lib/auth/session";
import { sessionCookieHeader } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ request }) => {
  const input = await readJson(request, signInInput);
  const user = await signIn(db(), input);
  const session = await createSession(db(), user.id);
  return json({ user }, { headers: { "set-cookie": sessionCookieHeader(session.cookieValue) } });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
