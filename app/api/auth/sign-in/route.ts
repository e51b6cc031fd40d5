import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { signInInput } from "@/lib/auth/schemas";
import { createSession } from "@/lib/auth/session";
import { signedInCookieHeaders } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { readCookie, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ request }) => {
  const input = await readJson(request, signInInput);
  const { user, deviceCookie } = await signIn(db(), input, readCookie(request, DEVICE_COOKIE));
  const session = await createSession(db(), user.id);
  return json({ user }, { headers: signedInCookieHeaders(session.cookieValue, deviceCookie) });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
