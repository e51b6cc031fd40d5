import "server-only";
import { DEVICE_COOKIE_PATHS, deviceCookie, type DeviceCookiePath } from "@/lib/auth/device-cookie";
import { env } from "@/lib/env";
import { serializeCookie, serializeResponseCookie, type ResponseCookie } from "@/lib/http/request";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/auth/session";

function sessionCookie(cookieValue: string): ResponseCookie {
  return { name: SESSION_COOKIE, value: cookieValue, path: "/", maxAgeSeconds: SESSION_TTL_SECONDS, secure: env().secureCookies };
}

export function sessionCookieHeader(cookieValue: string): string {
  return serializeResponseCookie(sessionCookie(cookieValue));
}

export function clearedSessionCookieHeader(): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: env().secureCookies });
}

/**
 * The cookies of a sign-in or sign-up: the session, then the browser's new device cookie for the
 * door that reads it next (the JSON route, or the sign-in page's server action).
 */
export function signedInCookies(sessionCookieValue: string, deviceCookieValue: string, devicePath: DeviceCookiePath): ResponseCookie[] {
  return [sessionCookie(sessionCookieValue), deviceCookie(deviceCookieValue, devicePath)];
}

/** The Set-Cookie headers of a sign-in or sign-up through the JSON routes. */
export function signedInCookieHeaders(sessionCookieValue: string, deviceCookieValue: string): [string, string][] {
  return signedInCookies(sessionCookieValue, deviceCookieValue, DEVICE_COOKIE_PATHS.route).map((cookie) => ["set-cookie", serializeResponseCookie(cookie)]);
}
