import "server-only";
import { env } from "@/lib/env";
import { serializeCookie } from "@/lib/http/request";
import { QUEUE_TOKEN_TTL_SECONDS, queueCookieName } from "@/lib/queue/token";

/** Set-Cookie for the web UI's copy of the queue token (HttpOnly, so page scripts never see it). */
export function queueCookieHeader(concertId: string, token: string): string {
  return serializeCookie(queueCookieName(concertId), token, { maxAgeSeconds: QUEUE_TOKEN_TTL_SECONDS, secure: env().secureCookies });
}

export function clearedQueueCookieHeader(concertId: string): string {
  return serializeCookie(queueCookieName(concertId), "", { maxAgeSeconds: 0, secure: env().secureCookies });
}
