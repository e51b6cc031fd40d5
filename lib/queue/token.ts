import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * What a queue token carries: enough to answer a status poll without the
 * database. Signed with HMAC-SHA256 under QUEUE_TOKEN_SECRET, so it cannot be
 * forged or altered, and it is bound to one user and one concert. It is not
 * encrypted: it tells its holder nothing they may not know (their own ids and
 * ticket). See docs/decisions/010-waiting-room.md for why not iron.
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

/** Longest token accepted; a genuine one is far shorter. Anything longer is refused unread. */
export const MAX_QUEUE_TOKEN_LENGTH = 2048;

/** Format tag: "q1.<base64url JSON claims>.<base64url HMAC-SHA256 of the first two parts>". */
const FORMAT = "q1";

type SignedPayload = QueueTokenClaims & { exp: number };

let signingKey: { secret: string; key: Buffer } | undefined;

/** A key of its own for queue tokens, derived from the secret, so the secret never signs anything else directly. */
function key(): Buffer {
  const secret = env().QUEUE_TOKEN_SECRET;
  if (signingKey?.secret !== secret) {
    signingKey = { secret, key: createHmac("sha256", secret).update("encore queue token v1").digest() };
  }
  return signingKey.key;
}

/** The signature's text: base64url of HMAC-SHA256 over the first two parts, unpadded. */
function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

export async function sealQueueToken(claims: QueueTokenClaims): Promise<string> {
  const payload: SignedPayload = { ...claims, exp: Math.floor(Date.now() / 1000) + QUEUE_TOKEN_TTL_SECONDS };
  const body = `${FORMAT}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  return `${body}.${sign(body)}`;
}

function isClaims(value: unknown): value is SignedPayload {
  if (!value || typeof value !== "object") return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.tid === "string" &&
    typeof claims.uid === "string" &&
    typeof claims.cid === "string" &&
    (claims.tkt === null || typeof claims.tkt === "string") &&
    (claims.adm === undefined || typeof claims.adm === "number") &&
    typeof claims.exp === "number"
  );
}

/** The claims of a genuine, unexpired token; null for anything else. Never throws. */
export async function openQueueToken(token: string | null | undefined): Promise<QueueTokenClaims | null> {
  if (!token || token.length > MAX_QUEUE_TOKEN_LENGTH) return null;
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== FORMAT) return null;
  // Compared as text, not as decoded bytes: base64url decoding ignores the low
  // bits of the last character, so a byte comparison would let other spellings
  // of the same signature verify. Only the exact text the seal wrote is genuine.
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!isClaims(payload) || payload.exp * 1000 <= Date.now()) return null;
  const { exp: _expiresAt, ...claims } = payload;
  return claims;
}

/** Every queue cookie's name starts with this. */
export const QUEUE_COOKIE_PREFIX = "encore_queue_";

/** The web UI keeps the token in an HttpOnly cookie per concert; API clients send X-Queue-Token. */
export function queueCookieName(concertId: string): string {
  return `${QUEUE_COOKIE_PREFIX}${concertId.replaceAll("-", "")}`;
}
