import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_FAILED_SIGN_INS = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * Counts a sign-in attempt for the email before the password is checked, in
 * one atomic upsert, and refuses it when the window already holds
 * MAX_FAILED_SIGN_INS attempts that did not succeed. Counting first means a
 * burst of simultaneous guesses cannot slip past the limit. Counted per email,
 * never per client address: many fans share one address.
 */
export async function claimSignInAttempt(db: Db, email: string): Promise<void> {
  const [window] = await db.$queryRaw<{ attempts: number; retry_after: number }[]>`
    INSERT INTO sign_in_throttles (email, failures, window_started_at) VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN 1 ELSE sign_in_throttles.failures + 1 END,
      window_started_at = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN now() ELSE sign_in_throttles.window_started_at END
    RETURNING failures AS attempts,
      ceil(extract(epoch FROM window_started_at + make_interval(secs => ${SIGN_IN_WINDOW_SECONDS}) - now()))::int AS retry_after`;
  if (window && window.attempts > MAX_FAILED_SIGN_INS) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins for this email. Try again later.", {
      retryAfterSeconds: window.retry_after,
    });
  }
}

/** A correct password clears the count. */
export async function clearSignInAttempts(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
