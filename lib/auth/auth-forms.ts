import "server-only";
import type { FormCookie, PublicFormAction } from "@/lib/actions/form-action";
import type { FormFailure } from "@/lib/actions/form-failure";
import { DEVICE_COOKIE, DEVICE_COOKIE_PATHS } from "@/lib/auth/device-cookie";
import { landingAfterSignIn, safeNextPath } from "@/lib/auth/safe-next-path";
import { signInInput, signUpInput } from "@/lib/auth/schemas";
import { createSession, type SessionUser } from "@/lib/auth/session";
import { signedInCookies } from "@/lib/auth/session-cookie";
import { signIn, type SignedIn } from "@/lib/auth/sign-in";
import type { Database } from "@/lib/db";
import { signUp } from "@/lib/auth/sign-up";
import type { AppError } from "@/lib/errors";
import { auth as t } from "@/lib/i18n/ko/auth";

const SECONDS_PER_MINUTE = 60;

/** The words of a refusal both forms can meet: a shed by the hashing budget, said with its wait. */
const busy = {
  SERVICE_UNAVAILABLE: (error: AppError): FormFailure => ({
    formError: error.retryAfterSeconds ? t.errors.SERVICE_UNAVAILABLE(Math.ceil(error.retryAfterSeconds)) : t.errors.SERVICE_UNAVAILABLE_UNKNOWN,
  }),
};

/** A session for the user signed in or up, its cookie and the device cookie set as the JSON routes set them. */
async function startSession(database: Database, { user, deviceCookie }: SignedIn, setCookie: (cookie: FormCookie) => void) {
  const session = await createSession(database, user.id);
  for (const cookie of signedInCookies(session.cookieValue, deviceCookie, DEVICE_COOKIE_PATHS.signInPage)) setCookie(cookie);
  return { user };
}

/** Back to the page the visitor was sent from (a same-site path only), else the role's start page. */
function landing({ user }: { user: SessionUser }, fields: Record<string, unknown>): string {
  return landingAfterSignIn(user.role, safeNextPath(fields.next));
}

/**
 * Sign-in for the page's form: the route's schema, the same signIn (hashing budget, throttles,
 * device cookie) and session. The device cookie is read and set on the sign-in page's path,
 * where this action is posted (docs/decisions/160-device-cookie-path.md).
 */
export const signInForm: PublicFormAction<typeof signInInput, { user: SessionUser }> = {
  access: "public",
  name: "auth.sign-in",
  schema: signInInput,
  fieldMessages: { email: t.fields.email.invalid, password: t.fields.password.invalid },
  errorMessages: {
    VALIDATION_FAILED: t.errors.summary,
    INVALID_CREDENTIALS: t.errors.INVALID_CREDENTIALS,
    RATE_LIMITED: (error) => ({
      formError: error.retryAfterSeconds
        ? t.errors.RATE_LIMITED(Math.max(1, Math.ceil(error.retryAfterSeconds / SECONDS_PER_MINUTE)))
        : t.errors.RATE_LIMITED_UNKNOWN,
    }),
    ...busy,
  },
  secretFields: ["password"],
  redirectTo: landing,
  run: async ({ input, database, readCookie, setCookie }) =>
    startSession(database, await signIn(database, input, readCookie(DEVICE_COOKIE)), setCookie),
};

/** Sign-up for the page's form: the route's schema, the same signUp (hashing budget) and session. */
export const signUpForm: PublicFormAction<typeof signUpInput, { user: SessionUser }> = {
  access: "public",
  name: "auth.sign-up",
  schema: signUpInput,
  fieldMessages: { email: t.fields.email.invalid, password: t.fields.newPassword.invalid, name: t.fields.name.invalid },
  errorMessages: {
    VALIDATION_FAILED: t.errors.summary,
    EMAIL_TAKEN: () => ({ formError: t.errors.summary, fieldErrors: { email: t.errors.EMAIL_TAKEN } }),
    ...busy,
  },
  secretFields: ["password"],
  redirectTo: landing,
  run: async ({ input, database, setCookie }) => startSession(database, await signUp(database, input), setCookie),
};
