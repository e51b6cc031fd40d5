import { ApiError } from "@/lib/client/api";
import { auth as t } from "@/lib/i18n/ko/auth";

export type AuthFieldName = "email" | "password" | "name";

export type AuthFailure = {
  /** Shown above the form, announced at once. */
  message: string;
  /** One Korean message per field the API refused (details.fields). */
  fields: Partial<Record<AuthFieldName, string>>;
};

const SECONDS_PER_MINUTE = 60;

/**
 * The API's error as the form shows it. Field errors come from details.fields;
 * the API words them in English, so each refused field gets its Korean message.
 */
export function describeAuthFailure(error: unknown, fieldMessages: Record<AuthFieldName, string>): AuthFailure {
  if (!(error instanceof ApiError)) return { message: t.errors.generic, fields: {} };
  switch (error.code) {
    case "VALIDATION_FAILED": {
      const refused = Object.keys((error.details as { fields?: Record<string, unknown> } | undefined)?.fields ?? {});
      const fields: AuthFailure["fields"] = {};
      for (const name of refused) {
        if (name in fieldMessages) fields[name as AuthFieldName] = fieldMessages[name as AuthFieldName];
      }
      return { message: t.errors.summary, fields };
    }
    case "INVALID_CREDENTIALS":
      return { message: t.errors.INVALID_CREDENTIALS, fields: {} };
    case "EMAIL_TAKEN":
      return { message: t.errors.summary, fields: { email: t.errors.EMAIL_TAKEN } };
    case "RATE_LIMITED":
      return {
        message: error.retryAfterSeconds
          ? t.errors.RATE_LIMITED(Math.max(1, Math.ceil(error.retryAfterSeconds / SECONDS_PER_MINUTE)))
          : t.errors.RATE_LIMITED_UNKNOWN,
        fields: {},
      };
    case "SERVICE_UNAVAILABLE":
      // Too many sign-ins at once (or the database is away): the server says when to come back.
      return {
        message: error.retryAfterSeconds ? t.errors.SERVICE_UNAVAILABLE(Math.ceil(error.retryAfterSeconds)) : t.errors.SERVICE_UNAVAILABLE_UNKNOWN,
        fields: {},
      };
    case "NETWORK":
      return { message: t.errors.NETWORK, fields: {} };
    default:
      return { message: t.errors.generic, fields: {} };
  }
}
