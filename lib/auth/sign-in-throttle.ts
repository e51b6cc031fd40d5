import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_FAILED_SIGN_INS = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * Refuses a sign-in when the email has MAX_FAILED_SIGN_INS failures inside the
 * current window. Counted per email, never per address: many fans share one.
 */
export async function assertSignInAllowed(db: Db, email: string): Promise<void> {
  const rows = await db.$queryRaw<{ retry_after: number }[]>`
    SELECT ceil(extract(epoch FROM window_started_at + make_interval(secs => ${SIGN_IN_WINDOW_SECONDS}) - now()))::int AS retry_after
    FROM sign_in_throttles
    WHERE email = ${email}
      AND failures >= ${MAX_FAILED_SIGN_INS}
      AND window_started_at > now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})`;
  const blocked = rows[0];
  if (blocked) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins for this email. Try again later.", {
      retryAfterSeconds: blocked.retry_after,
    });
  }
}

/** One atomic upsert: a new window starts when the old one has run out. */
export async function recordFailedSignIn(db: Db, email: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO sign_in_throttles (email, failures, window_started_at) VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN 1 ELSE sign_in_throttles.failures + 1 END,
      window_started_at = CASE WHEN sign_in_throttles.window_started_at <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                      THEN now() ELSE sign_in_throttles.window_started_at END`;
}

export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
