import "server-only";
import type { Db } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { AppError } from "@/lib/errors";
import { newDeviceCookie } from "@/lib/auth/device-cookie";
import { hashPassword } from "@/lib/auth/password";
import { signUpHashing } from "@/lib/auth/password-budget";
import type { SignUpInput } from "@/lib/auth/schemas";
import type { SignedIn } from "@/lib/auth/sign-in";

/**
 * Hashes within the sign-up budget: over it, 503 SERVICE_UNAVAILABLE with
 * Retry-After and nothing written. The browser that signs up gets a device
 * cookie, as after a sign-in (docs/decisions/075-device-cookie.md).
 */
export async function signUp(db: Db, input: SignUpInput): Promise<SignedIn> {
  const { budget, threads } = signUpHashing();
  const passwordHash = await budget.enter((hash) => hash(() => hashPassword(input.password, threads)));
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    return { user, deviceCookie: newDeviceCookie(user.id) };
  } catch (error) {
    if (pgErrorCode(error) === PG.UNIQUE_VIOLATION) {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists.");
    }
    throw error;
  }
}
