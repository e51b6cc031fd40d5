import { signUpInput } from "@/lib/auth/schemas";
import { createSession } from "@/lib/auth/session";
import { signedInCookieHeaders } from "@/lib/auth/session-cookie";
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ request }) => {
  const input = await readJson(request, signUpInput);
  const { user, deviceCookie } = await signUp(db(), input);
  const session = await createSession(db(), user.id);
  return json({ user }, { status: 201, headers: signedInCookieHeaders(session.cookieValue, deviceCookie) });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
