import type { AppError } from "@/lib/errors";
import { forms as t } from "@/lib/i18n/ko/forms";

type Wording = {
  fieldMessages: Record<string, string>;
  errorMessages?: Partial<Record<string, string>>;
};

export type FormFailure = { formError: string; fieldErrors?: Record<string, string> };

/**
 * The names a form may give a field's message, most specific first: the field's own, its row
 * pattern ("sections.3.rows" → "sections.*.rows"), any key of its record ("prices.VIP" → "prices.*").
 */
function messageNames(fieldName: string): string[] {
  return [fieldName, fieldName.replace(/\.(0|[1-9][0-9]*)(?=\.|$)/g, ".*"), fieldName.replace(/\.[^.]+$/, ".*")];
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
      const own = messageNames(name).find((candidate) => wording.fieldMessages[candidate] !== undefined);
      fieldErrors[name] = own === undefined ? t.fieldInvalid : wording.fieldMessages[own]!;
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
