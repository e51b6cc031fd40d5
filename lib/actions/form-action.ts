import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { readSession, type AuthSession } from "@/lib/auth/session";
import { db, type Database, type RawTransaction } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { nestFormValues, readFormValues, type FormFields } from "@/lib/actions/form-fields";
import { IDEMPOTENCY_KEY_FIELD, type FormState } from "@/lib/actions/form-state";
import { describeFailure } from "@/lib/actions/form-failure";
import { parseOrThrow } from "@/lib/http/request";
import { toAppError } from "@/lib/http/route";
import { hashRequest } from "@/lib/idempotency/hash-request";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/idempotency/idempotency-key";
import { withIdempotency, type AfterCommit } from "@/lib/idempotency/with-idempotency";
import { forms as t } from "@/lib/i18n/ko/forms";

/** Who may submit: a signed-in user, or an operator (role ADMIN). */
export type FormAccess = "session" | "admin";

type Done<Result> = {
  /** Said once the action took effect. */
  notice?: string | ((result: Result) => string);
  /** Where the browser goes once the action took effect (else the form shows the notice). */
  redirectTo?: string | ((result: Result) => string);
};

type CommonDefinition<Schema extends z.ZodType, Result> = Done<Result> & {
  /**
   * Names the change ("wallet.charge", "admin.venue.create"): in logs, and in an Idempotency-Key's
   * request hash as a route's path is, so a key sent with another form is refused.
   */
  name: string;
  access: FormAccess;
  /**
   * The same zod schema as the JSON route of this change validates its body with. What the route
   * reads from its path (a concert's id) the form sends in a hidden field; `run` reads it from `fields`.
   */
  schema: Schema;
  /** The form's fields in the shape of that route's JSON body (numbers as numbers…); the fields as they are by default. */
  toInput?: (fields: FormFields) => unknown;
  /** The Korean message of each refused field, by form name; "*" stands for a row number ("sections.*.rows"). */
  fieldMessages: Record<string, string>;
  /** How this form words a refusal of the domain, where the general words do not fit. */
  errorMessages?: Partial<Record<ErrorCode | (string & {}), string>>;
  /** Fields never sent back to the form (passwords). */
  secretFields?: readonly string[];
};

/** A change that moves no money: the domain function gets the database and opens its own transaction. */
export type PlainFormAction<Schema extends z.ZodType, Result> = CommonDefinition<Schema, Result> & {
  run: (args: { input: z.infer<Schema>; session: AuthSession; database: Database; fields: FormFields }) => Promise<Result>;
};

/**
 * A change that moves money: it carries an Idempotency-Key from a hidden field made when the form
 * was rendered, and the domain function runs in the transaction that records the key, so a double
 * submit (two clicks, a resent POST) has one effect and both get its answer.
 */
export type IdempotentFormAction<Schema extends z.ZodType, Result> = CommonDefinition<Schema, Result> & {
  isIdempotent: true;
  run: (args: { input: z.infer<Schema>; session: AuthSession; tx: RawTransaction; afterCommit: AfterCommit; fields: FormFields }) => Promise<Result>;
};

export type FormActionDefinition<Schema extends z.ZodType, Result> = PlainFormAction<Schema, Result> | IdempotentFormAction<Schema, Result>;

export type FormActionOutcome<Result> = { state: FormState<Result>; redirectTo?: string };

/** What a submit brings besides its fields: the session cookie's value, as the request carried it. */
export type FormSubmit = { formData: FormData; sessionCookie: string | undefined };

function isIdempotent<Schema extends z.ZodType, Result>(
  definition: FormActionDefinition<Schema, Result>,
): definition is IdempotentFormAction<Schema, Result> {
  return "isIdempotent" in definition && definition.isIdempotent;
}

/**
 * One submit of a server action's form, the way a route handles one request: the session and the
 * role first (a refusal says so and runs nothing), then the route's zod schema, then the one domain
 * function; every failure becomes the form's state with what the user typed kept. Next-free, so the
 * tests drive it with a real session cookie and FormData; formAction (lib/actions/server-action.ts)
 * binds it to the request.
 */
export async function runFormAction<Schema extends z.ZodType, Result>(
  definition: FormActionDefinition<Schema, Result>,
  submit: FormSubmit,
): Promise<FormActionOutcome<Result>> {
  const submitted = readFormValues(submit.formData);
  const values = keptValues(submitted, definition.secretFields);
  try {
    const session = await readSession(db(), submit.sessionCookie);
    if (!session) return refused(values, { formError: t.signedOut });
    if (definition.access === "admin" && session.user.role !== "ADMIN") return refused(values, { formError: t.operatorsOnly });
    const { [IDEMPOTENCY_KEY_FIELD]: idempotencyKey, ...fields } = submitted;
    const nested = nestFormValues(fields);
    const input = parseOrThrow(definition.schema, (definition.toInput ?? identity)(nested));
    const result = isIdempotent(definition)
      ? await runOnce(definition, { input, session, idempotencyKey, fields: nested })
      : await definition.run({ input, session, database: db(), fields: nested });
    return done(definition, result);
  } catch (error) {
    return refused(values, describeFailure(toAppError(error, { action: definition.name }), definition));
  }
}

async function runOnce<Schema extends z.ZodType, Result>(
  definition: IdempotentFormAction<Schema, Result>,
  { input, session, idempotencyKey, fields }: { input: z.infer<Schema>; session: AuthSession; idempotencyKey: string | undefined; fields: FormFields },
): Promise<Result> {
  if (!idempotencyKey || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "The form carries no valid Idempotency-Key.");
  }
  const answer = await withIdempotency(db(), {
    userId: session.user.id,
    key: idempotencyKey,
    requestHash: hashRequest({ method: "POST", path: `action:${definition.name}`, body: input }),
    work: async (tx, afterCommit) => ({ status: 200, body: await definition.run({ input, session, tx, afterCommit, fields }) }),
  });
  // A replay answers what the first submit stored (through jsonb), so both show the same.
  return answer.body as Result;
}

function identity(fields: FormFields): unknown {
  return fields;
}

function keptValues(submitted: Record<string, string>, secretFields: readonly string[] = []): Record<string, string> {
  const { [IDEMPOTENCY_KEY_FIELD]: _key, ...values } = submitted;
  for (const name of secretFields) delete values[name];
  return values;
}

function refused<Result>(values: Record<string, string>, failure: { formError: string; fieldErrors?: Record<string, string> }): FormActionOutcome<Result> {
  const fieldErrors = failure.fieldErrors ?? {};
  return {
    state: {
      status: Object.keys(fieldErrors).length > 0 ? "invalid" : "failed",
      formError: failure.formError,
      fieldErrors,
      values,
      notice: null,
      result: null,
      nextIdempotencyKey: null,
    },
  };
}

function done<Schema extends z.ZodType, Result>(definition: FormActionDefinition<Schema, Result>, result: Result): FormActionOutcome<Result> {
  const notice = typeof definition.notice === "function" ? definition.notice(result) : (definition.notice ?? null);
  const redirectTo = typeof definition.redirectTo === "function" ? definition.redirectTo(result) : definition.redirectTo;
  return {
    state: {
      status: "done",
      formError: null,
      fieldErrors: {},
      values: {},
      notice,
      result,
      nextIdempotencyKey: isIdempotent(definition) ? randomUUID() : null,
    },
    redirectTo,
  };
}
