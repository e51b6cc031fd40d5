import type { AppError } from "@/lib/errors";
import { forms as t } from "@/lib/i18n/ko/forms";

export type FormFailure = { formError: string; fieldErrors?: Record<string, string> };

/** A field's message: fixed, or worded from what was typed (a charge's "too large" or "not a number"). */
export type FieldMessage = string | ((typed: string | undefined) => string);

/** How a form words a refusal of the domain: one message, or a failure of its own from the error (a wait it names, a field). */
export type ErrorMessage = string | ((error: AppError) => FormFailure);

export type Wording = {
  fieldMessages: Record<string, FieldMessage>;
  errorMessages?: Partial<Record<string, ErrorMessage>>;
};

/**
 * The names a form may give a field's message, most specific first: the field's own, its row
 * pattern ("sections.3.rows" → "sections.*.rows"), any key of its record ("prices.VIP" → "prices.*").
 */
function messageNames(fieldName: string): string[] {
  return [fieldName, fieldName.replace(/\.(0|[1-9][0-9]*)(?=\.|$)/g, ".*"), fieldName.replace(/\.[^.]+$/, ".*")];
}

function fieldMessage(message: FieldMessage, typed: string | undefined): string {
  return typeof message === "function" ? message(typed) : message;
}

/**
 * A refusal as the form shows it, in Korean: the API's field errors (details.fields, worded in
 * English for API clients) become the form's message for each refused field; any other refusal
 * one message above the form, with the wait when the answer names one. `typed` is what the form
 * sent, by field name.
 */
export function describeFailure(error: AppError, wording: Wording, typed: Record<string, string> = {}): FormFailure {
  if (error.code === "VALIDATION_FAILED") {
    const refused = Object.keys((error.details as { fields?: Record<string, unknown> } | undefined)?.fields ?? {});
    const fieldErrors: Record<string, string> = {};
    for (const name of refused) {
      const own = messageNames(name).find((candidate) => wording.fieldMessages[candidate] !== undefined);
      fieldErrors[name] = own === undefined ? t.fieldInvalid : fieldMessage(wording.fieldMessages[own]!, typed[name]);
    }
    const summary = wording.errorMessages?.VALIDATION_FAILED;
    return { formError: typeof summary === "string" ? summary : t.summary, fieldErrors };
  }
  const own = wording.errorMessages?.[error.code];
  if (typeof own === "function") return own(error);
  if (own) return { formError: own };
  if (error.retryAfterSeconds !== undefined && (error.code === "SERVICE_UNAVAILABLE" || error.code === "RATE_LIMITED")) {
    return { formError: t.retryIn(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  }
  return { formError: (t.errors as Partial<Record<string, string>>)[error.code] ?? t.errors.INTERNAL };
}
