import "server-only";
import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { SESSION_COOKIE } from "@/lib/auth/session";
import {
  runFormAction,
  type FormActionDefinition,
  type IdempotentFormAction,
  type PlainFormAction,
  type PublicFormAction,
} from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";

/** A server action's signature under React 19's useActionState. */
export type FormAction<Result> = (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;

/**
 * Binds a form's definition to the request: reads the session cookie, runs the submit
 * (runFormAction) and, once it took effect, goes where the definition says. Next checks a server
 * action's Origin against its host itself, as the route wrappers do for JSON writes.
 */
function bind<Schema extends z.ZodType, Result>(definition: FormActionDefinition<Schema, Result>): FormAction<Result> {
  return async (_previous, formData) => {
    const cookieStore = await cookies();
    const outcome = await runFormAction(definition, {
      formData,
      sessionCookie: cookieStore.get(SESSION_COOKIE)?.value,
      readCookie: (name) => cookieStore.get(name)?.value,
    });
    for (const cookie of outcome.cookies) {
      cookieStore.set(cookie.name, cookie.value, {
        path: cookie.path,
        maxAge: cookie.maxAgeSeconds,
        secure: cookie.secure,
        httpOnly: true,
        sameSite: "lax",
      });
    }
    // Outside runFormAction's error mapping: redirect() throws the signal Next follows.
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    // The page re-reads what the change touched (a new date in the list, the balance) with the answer,
    // or what a refusal found out of date (a ticket cancelled in another tab).
    if (outcome.isPageStale) refresh();
    return outcome.state;
  };
}

/** A form anyone may submit (sign-in, sign-up); it may set cookies once it took effect. */
export function publicFormAction<Schema extends z.ZodType, Result>(definition: Omit<PublicFormAction<Schema, Result>, "access">): FormAction<Result> {
  return bind({ ...definition, access: "public" });
}

/** A form whose change moves no money. */
export function formAction<Schema extends z.ZodType, Result>(definition: PlainFormAction<Schema, Result>): FormAction<Result> {
  return bind(definition);
}

/** A form whose change moves money: one effect per Idempotency-Key of the form (decision 125). */
export function idempotentFormAction<Schema extends z.ZodType, Result>(
  definition: Omit<IdempotentFormAction<Schema, Result>, "isIdempotent">,
): FormAction<Result> {
  return bind({ ...definition, isIdempotent: true });
}
