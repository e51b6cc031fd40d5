import "server-only";
import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/env";

/**
 * What a queue token carries: enough to answer a status poll without the
 * database. Sealed with iron (AES-256-CBC + HMAC-SHA256), so it cannot be read,
 * forged or altered, and it is bound to one user and one concert.
 */
export type QueueTokenClaims = {
  /** queue_tokens.id */
  tid: string;
  /** user id */
  uid: string;
  /** concert id */
  cid: string;
  /** ticket number as a decimal string; null while pre-queued before opening */
  tkt: string | null;
  /** admitted_until (epoch ms) once the holder is known to be admitted */
  adm?: number;
};

/** A token outlives any wait in line; the database decides whether it is still live. */
export const QUEUE_TOKEN_TTL_SECONDS = 24 * 60 * 60;

export function sealQueueToken(claims: QueueTokenClaims): Promise<string> {
  return sealData(claims, { password: env().QUEUE_TOKEN_SECRET, ttl: QUEUE_TOKEN_TTL_SECONDS });
}

/** The claims of a genuine, unexpired token; null for anything else. Never throws. */
export async function openQueueToken(token: string | null | undefined): Promise<QueueTokenClaims | null> {
  if (!token || token.length > 2048) return null;
  try {
    const claims = await unsealData<Partial<QueueTokenClaims>>(token, {
      password: env().QUEUE_TOKEN_SECRET,
      ttl: QUEUE_TOKEN_TTL_SECONDS,
    });
    if (typeof claims.tid !== "string" || typeof claims.uid !== "string" || typeof claims.cid !== "string") return null;
    if (claims.tkt !== null && typeof claims.tkt !== "string") return null;
    return claims as QueueTokenClaims;
  } catch {
    return null;
  }
}

/** The web UI keeps the token in an HttpOnly cookie per concert; API clients send X-Queue-Token. */
export function queueCookieName(concertId: string): string {
  return `encore_queue_${concertId.replaceAll("-", "")}`;
}
