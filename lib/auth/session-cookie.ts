import "server-only";
import { deviceCookieHeader } from "@/lib/auth/device-cookie";
import { env } from "@/lib/env";
import { serializeCookie } from "@/lib/http/request";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/auth/session";

export function sessionCookieHeader(cookieValue: string): string {
  return serializeCookie(SESSION_COOKIE, cookieValue, { maxAgeSeconds: SESSION_TTL_SECONDS, secure: env().secureCookies });
}

export function clearedSessionCookieHeader(): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: env().secureCookies });
}

/** The Set-Cookie headers of a sign-in or sign-up: the session, then the browser's new device cookie. */
export function signedInCookieHeaders(sessionCookieValue: string, deviceCookieValue: string): [string, string][] {
  return [
    ["set-cookie", sessionCookieHeader(sessionCookieValue)],
    ["set-cookie", deviceCookieHeader(deviceCookieValue)],
  ];
}
