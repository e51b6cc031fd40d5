import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DECOY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import type { SignInInput } from "@/lib/auth/schemas";
import type { SessionUser } from "@/lib/auth/session";
import { claimSignInAttempt, clearSignInAttempts } from "@/lib/auth/sign-in-throttle";

/** Same answer, and about the same time, for an unknown email and a wrong password. */
export async function signIn(db: Db, input: SignInInput): Promise<SessionUser> {
  await claimSignInAttempt(db, input.email);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  if (!user || !isValid) {
    throw new AppError("INVALID_CREDENTIALS", "The email or password is not right.");
  }
  await clearSignInAttempts(db, input.email);
  const { passwordHash: _hash, ...sessionUser } = user;
  return sessionUser;
}
