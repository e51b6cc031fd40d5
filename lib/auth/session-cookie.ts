import "server-only";
import { env } from "@/lib/env";
import { serializeCookie } from "@/lib/http/request";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "@/lib/auth/session";

export function sessionCookieHeader(cookieValue: string): string {
  return serializeCookie(SESSION_COOKIE, cookieValue, { maxAgeSeconds: SESSION_TTL_SECONDS, secure: env().secureCookies });
}

export function clearedSessionCookieHeader(): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: env().secureCookies });
}
