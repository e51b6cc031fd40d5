import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_FAILED_SIGN_INS = 10;
/** A trusted device (docs/decisions/075-device-cookie.md) gets fewer tries than untrusted clients together. */
export const MAX_FAILED_DEVICE_SIGN_INS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * The sign_in_throttles key of a trusted device. It holds no "@", so it never
 * meets an email; its rows age out with the rest (lib/retention).
 */
function deviceKey(deviceId: string): string {
  return `device ${deviceId}`;
}

/**
 * Counts one attempt under `key` (an email or a device) in one atomic upsert,
 * before the password is checked, so a burst of simultaneous guesses cannot
 * slip past the limit. Returns the attempts in the current window (this one
 * included) and the seconds until the window ends.
 */
async function countAttempt(db: Db, key: string) {
  const [window] = await db.$queryRaw<{ attempts: number; retry_after: number }[]>`
    INSERT INTO sign_in_throttles (email, failures, window_started_at) VALUES (${key}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN 1 ELSE sign_in_throttles.failures + 1 END,
      window_started_at = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN now() ELSE sign_in_throttles.window_started_at END
    RETURNING failures AS attempts,
      ceil(extract(epoch FROM window_started_at + make_interval(secs => ${SIGN_IN_WINDOW_SECONDS}) - now()))::int AS retry_after`;
  return window!;
}

/**
 * An attempt by an untrusted client, counted per email and refused with 429
 * once the window already holds MAX_FAILED_SIGN_INS attempts that did not
 * succeed. Counted per email, never per client address: many fans share one.
 */
export async function claimSignInAttempt(db: Db, email: string): Promise<void> {
  const window = await countAttempt(db, email);
  if (window.attempts > MAX_FAILED_SIGN_INS) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins for this email. Try again later.", {
      retryAfterSeconds: window.retry_after,
    });
  }
}

/** A correct password from an untrusted client clears the email's count. */
export async function clearSignInAttempts(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}

/**
 * An attempt from a trusted device, counted per device. False once the device
 * has used up its own limit: it is then treated as an untrusted client.
 */
export async function claimDeviceSignInAttempt(db: Db, deviceId: string): Promise<boolean> {
  const window = await countAttempt(db, deviceKey(deviceId));
  return window.attempts <= MAX_FAILED_DEVICE_SIGN_INS;
}

/** A correct password from a trusted device clears that device's count (not the email's). */
export async function clearDeviceSignInAttempts(db: Db, deviceId: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email: deviceKey(deviceId) } });
}
