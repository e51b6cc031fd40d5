import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { ResponseCookie } from "@/lib/http/request";

/**
 * The OWASP "device cookie": proof that this browser signed in to the account
 * before, so a lock-out caused by someone else's guesses does not shut it out
 * (docs/decisions/075-device-cookie.md). Its text is
 * `<user id>.<device id>.<signature>`, the signature an HMAC of the first two
 * under a key derived from SESSION_SECRET.
 */
export const DEVICE_COOKIE = "encore_device";
const DEVICE_COOKIE_TTL_SECONDS = 365 * 24 * 60 * 60;
/**
 * Sent only where sign-in reads it: each door sets it for itself, the JSON route for API clients
 * and the sign-in page, whose server action browsers post to (docs/decisions/160-device-cookie-path.md).
 */
export const DEVICE_COOKIE_PATHS = { route: "/api/auth/sign-in", signInPage: "/sign-in" } as const;
export type DeviceCookiePath = (typeof DEVICE_COOKIE_PATHS)[keyof typeof DEVICE_COOKIE_PATHS];
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

let signingKey: Buffer | undefined;

function sign(userId: string, deviceId: string): string {
  signingKey ??= createHmac("sha256", env().SESSION_SECRET).update("encore device cookie v1").digest();
  return createHmac("sha256", signingKey).update(`${userId}.${deviceId}`).digest("base64url");
}

function deviceCookieText(userId: string, deviceId: string): string {
  return `${userId}.${deviceId}.${sign(userId, deviceId)}`;
}

/** Equal texts, compared in constant time (digests first, so lengths do not leak either). */
function isSameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** A new device cookie's value for the user. */
export function newDeviceCookie(userId: string): string {
  return deviceCookieText(userId, randomBytes(16).toString("base64url"));
}

/**
 * The device id when `cookieValue` is exactly the cookie we would have issued
 * to this user for that device; null for a forged, altered or someone else's.
 */
export function trustedDeviceId(cookieValue: string | undefined, userId: string): string | null {
  if (!cookieValue || cookieValue.length > 200) return null;
  const deviceId = cookieValue.split(".")[1] ?? "";
  if (!DEVICE_ID.test(deviceId)) return null;
  return isSameText(cookieValue, deviceCookieText(userId, deviceId)) ? deviceId : null;
}

export function deviceCookie(cookieValue: string, path: DeviceCookiePath): ResponseCookie {
  return { name: DEVICE_COOKIE, value: cookieValue, maxAgeSeconds: DEVICE_COOKIE_TTL_SECONDS, secure: env().secureCookies, path };
}
