import type { AppError } from "@/lib/errors";
import { forms as t } from "@/lib/i18n/ko/forms";

type Wording = {
  fieldMessages: Record<string, string>;
  errorMessages?: Partial<Record<string, string>>;
};

export type FormFailure = { formError: string; fieldErrors?: Record<string, string> };

/** "sections.3.rows" → "sections.*.rows": how a form names the message of every row's field. */
function rowPattern(fieldName: string): string {
  return fieldName.replace(/\.(0|[1-9][0-9]*)(?=\.|$)/g, ".*");
}

/**
 * A refusal as the form shows it, in Korean: the API's field errors (details.fields, worded in
 * English for API clients) become the form's message for each refused field; any other refusal
 * one message above the form, with the wait when the answer names one.
 */
export function describeFailure(error: AppError, wording: Wording): FormFailure {
  if (error.code === "VALIDATION_FAILED") {
    const refused = Object.keys((error.details as { fields?: Record<string, unknown> } | undefined)?.fields ?? {});
    const fieldErrors: Record<string, string> = {};
    for (const name of refused) {
      fieldErrors[name] = wording.fieldMessages[name] ?? wording.fieldMessages[rowPattern(name)] ?? t.fieldInvalid;
    }
    return { formError: wording.errorMessages?.VALIDATION_FAILED ?? t.summary, fieldErrors };
  }
  const own = wording.errorMessages?.[error.code];
  if (own) return { formError: own };
  if (error.retryAfterSeconds !== undefined && (error.code === "SERVICE_UNAVAILABLE" || error.code === "RATE_LIMITED")) {
    return { formError: t.retryIn(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  }
  return { formError: (t.errors as Partial<Record<string, string>>)[error.code] ?? t.errors.INTERNAL };
}
