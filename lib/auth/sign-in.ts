import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newDeviceCookie, trustedDeviceId } from "@/lib/auth/device-cookie";
import { DECOY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { signInHashing } from "@/lib/auth/password-budget";
import type { SignInInput } from "@/lib/auth/schemas";
import type { SessionUser } from "@/lib/auth/session";
import {
  claimDeviceSignInAttempt,
  claimSignInAttempt,
  clearDeviceSignInAttempts,
  clearSignInAttempts,
} from "@/lib/auth/sign-in-throttle";

export type SignedIn = { user: SessionUser; deviceCookie: string };

/**
 * Same answer, and the same hashing work, for an unknown email and a wrong
 * password. Runs within the sign-in hashing budget (503 with Retry-After when
 * it is full, before anything is counted). A browser whose device cookie this
 * account issued is counted per device; everyone else per email
 * (docs/decisions/075-device-cookie.md). A success hands out a new device cookie.
 */
export async function signIn(db: Db, input: SignInInput, deviceCookie?: string): Promise<SignedIn> {
  const { budget, threads } = signInHashing();
  return budget.enter(async (hash) => {
    const user = await db.user.findUnique({
      where: { email: input.email },
      select: { id: true, email: true, name: true, role: true, passwordHash: true },
    });
    const deviceId = user ? trustedDeviceId(deviceCookie, user.id) : null;
    const isTrusted = deviceId !== null && (await claimDeviceSignInAttempt(db, deviceId));
    if (!isTrusted) await claimSignInAttempt(db, input.email);
    const isValid = await hash(() => verifyPassword(input.password, user?.passwordHash ?? DECOY_PASSWORD_HASH, threads));
    if (!user || !isValid) {
      throw new AppError("INVALID_CREDENTIALS", "The email or password is not right.");
    }
    if (isTrusted) await clearDeviceSignInAttempts(db, deviceId);
    else await clearSignInAttempts(db, input.email);
    const { passwordHash: _hash, ...sessionUser } = user;
    return { user: sessionUser, deviceCookie: newDeviceCookie(user.id) };
  });
}
