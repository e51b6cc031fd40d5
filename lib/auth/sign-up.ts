import "server-only";
import type { Db } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpHashBudget } from "@/lib/auth/password-budget";
import type { SignUpInput } from "@/lib/auth/schemas";
import type { SessionUser } from "@/lib/auth/session";

/** Hashes within the sign-up budget: over it, 503 SERVICE_UNAVAILABLE with Retry-After and nothing written. */
export async function signUp(db: Db, input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await signUpHashBudget().enter((hash) => hash(() => hashPassword(input.password)));
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (pgErrorCode(error) === PG.UNIQUE_VIOLATION) {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists.");
    }
    throw error;
  }
}
