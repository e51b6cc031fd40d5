import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { readSession, type AuthSession } from "@/lib/auth/session";
import { db, type Database, type RawTransaction } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { nestFormValues, readFormValues, type FormFields } from "@/lib/actions/form-fields";
import { IDEMPOTENCY_KEY_FIELD, type FormState } from "@/lib/actions/form-state";
import { describeFailure, type ErrorMessage, type FieldMessage } from "@/lib/actions/form-failure";
import { parseOrThrow, type ResponseCookie } from "@/lib/http/request";
import { toAppError } from "@/lib/http/route";
import { hashRequest } from "@/lib/idempotency/hash-request";
import { MAX_IDEMPOTENCY_KEY_LENGTH } from "@/lib/idempotency/idempotency-key";
import { withIdempotency, type AfterCommit } from "@/lib/idempotency/with-idempotency";
import { forms as t } from "@/lib/i18n/ko/forms";

/** Who may submit: anyone (sign-in, sign-up), a signed-in user, or an operator (role ADMIN). */
export type FormAccess = "public" | "session" | "admin";

type Done<Result> = {
  /** Said once the action took effect. */
  notice?: string | ((result: Result) => string);
  /** Where the browser goes once the action took effect (else the form shows the notice); `fields` as submitted. */
  redirectTo?: string | ((result: Result, fields: FormFields) => string);
};

/** A cookie a submit sets once it took effect (sign-in's session), with the attributes the routes give it. */
export type FormCookie = ResponseCookie;

type CommonDefinition<Schema extends z.ZodType, Result> = Done<Result> & {
  /**
   * Names the change ("wallet.charge", "admin.venue.create"): in logs, and in an Idempotency-Key's
   * request hash as a route's path is, so a key sent with another form is refused.
   */
  name: string;
  /**
   * The same zod schema as the JSON route of this change validates its body with. What the route
   * reads from its path (a concert's id) the form sends in a hidden field; `run` reads it from `fields`.
   */
  schema: Schema;
  /** The form's fields in the shape of that route's JSON body (numbers as numbers…); the fields as they are by default. */
  toInput?: (fields: FormFields) => unknown;
  /** The Korean message of each refused field, by form name; "*" stands for a row number ("sections.*.rows"). */
  fieldMessages: Record<string, FieldMessage>;
  /** How this form words a refusal of the domain, where the general words do not fit. */
  errorMessages?: Partial<Record<ErrorCode | (string & {}), ErrorMessage>>;
  /** Fields never sent back to the form (passwords). */
  secretFields?: readonly string[];
  /**
   * Refusals that mean the page showed something no longer true (a ticket cancelled in another
   * tab): the page re-reads what it shows with the refusal, as it does after a change, so the
   * message arrives with the list it speaks of and never beside a row that is about to leave.
   */
  refreshOn?: readonly ErrorCode[];
};

/** A change that moves no money: the domain function gets the database and opens its own transaction. */
export type PlainFormAction<Schema extends z.ZodType, Result> = CommonDefinition<Schema, Result> & {
  access: "session" | "admin";
  run: (args: { input: z.infer<Schema>; session: AuthSession; database: Database; fields: FormFields }) => Promise<Result>;
};

/**
 * A change that moves money: it carries an Idempotency-Key from a hidden field made when the form
 * was rendered, and the domain function runs in the transaction that records the key, so a double
 * submit (two clicks, a resent POST) has one effect and both get its answer.
 */
export type IdempotentFormAction<Schema extends z.ZodType, Result> = CommonDefinition<Schema, Result> & {
  access: "session" | "admin";
  isIdempotent: true;
  run: (args: { input: z.infer<Schema>; session: AuthSession; tx: RawTransaction; afterCommit: AfterCommit; fields: FormFields }) => Promise<Result>;
};

/**
 * A form anyone may submit (sign-in, sign-up): no session is read; the domain function gets the
 * request's cookies and may set cookies of its own, which are sent only once it took effect.
 */
export type PublicFormAction<Schema extends z.ZodType, Result> = CommonDefinition<Schema, Result> & {
  access: "public";
  run: (args: {
    input: z.infer<Schema>;
    database: Database;
    fields: FormFields;
    readCookie: (name: string) => string | undefined;
    setCookie: (cookie: FormCookie) => void;
  }) => Promise<Result>;
};

export type FormActionDefinition<Schema extends z.ZodType, Result> =
  | PlainFormAction<Schema, Result>
  | IdempotentFormAction<Schema, Result>
  | PublicFormAction<Schema, Result>;

export type FormActionOutcome<Result> = {
  state: FormState<Result>;
  redirectTo?: string;
  cookies: FormCookie[];
  /** The page should re-read what it shows with this answer: after a change, or a refusal of the definition's refreshOn. */
  isPageStale: boolean;
};

/** What a submit brings besides its fields: the request's cookies (the session's value, and any other a public form reads). */
export type FormSubmit = { formData: FormData; sessionCookie: string | undefined; readCookie?: (name: string) => string | undefined };

function isIdempotent<Schema extends z.ZodType, Result>(
  definition: PlainFormAction<Schema, Result> | IdempotentFormAction<Schema, Result>,
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
    const session = definition.access === "public" ? null : await readSession(db(), submit.sessionCookie);
    const refusal = accessRefusal(definition.access, session);
    if (refusal) return refused(values, { formError: refusal });
    const { [IDEMPOTENCY_KEY_FIELD]: idempotencyKey, ...fields } = submitted;
    const nested = nestFormValues(fields);
    const input = parseOrThrow(definition.schema, (definition.toInput ?? identity)(nested));
    const cookies: FormCookie[] = [];
    const result = await runDefinition(definition, {
      input,
      session,
      idempotencyKey,
      fields: nested,
      readCookie: submit.readCookie ?? (() => undefined),
      setCookie: (cookie) => cookies.push(cookie),
    });
    return done(definition, result, nested, cookies);
  } catch (error) {
    const appError = toAppError(error, { action: definition.name });
    const outcome = refused<Result>(values, describeFailure(appError, definition, submitted));
    return { ...outcome, isPageStale: definition.refreshOn?.includes(appError.code) ?? false };
  }
}

/** Why this submitter may not submit the form (in Korean), or null when they may. */
function accessRefusal(access: FormAccess, session: AuthSession | null): string | null {
  if (access === "public") return null;
  if (!session) return t.signedOut;
  if (access === "admin" && session.user.role !== "ADMIN") return t.operatorsOnly;
  return null;
}

type RunArgs<Schema extends z.ZodType> = {
  input: z.infer<Schema>;
  session: AuthSession | null;
  idempotencyKey: string | undefined;
  fields: FormFields;
  readCookie: (name: string) => string | undefined;
  setCookie: (cookie: FormCookie) => void;
};

function runDefinition<Schema extends z.ZodType, Result>(definition: FormActionDefinition<Schema, Result>, args: RunArgs<Schema>): Promise<Result> {
  const { input, session, idempotencyKey, fields, readCookie, setCookie } = args;
  if (definition.access === "public") return definition.run({ input, database: db(), fields, readCookie, setCookie });
  // accessRefusal has refused every submit without a session by now.
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return isIdempotent(definition)
    ? runOnce(definition, { input, session, idempotencyKey, fields })
    : definition.run({ input, session, database: db(), fields });
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
    // The fields too, not only the parsed input: a form names what it changes in a hidden field the
    // route reads from its path (the ticket to cancel), so the key with another ticket is refused.
    requestHash: hashRequest({ method: "POST", path: `action:${definition.name}`, body: { input, fields } }),
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
    cookies: [],
    isPageStale: false,
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

function done<Schema extends z.ZodType, Result>(
  definition: FormActionDefinition<Schema, Result>,
  result: Result,
  fields: FormFields,
  cookies: FormCookie[],
): FormActionOutcome<Result> {
  const notice = typeof definition.notice === "function" ? definition.notice(result) : (definition.notice ?? null);
  const redirectTo = typeof definition.redirectTo === "function" ? definition.redirectTo(result, fields) : definition.redirectTo;
  return {
    state: {
      status: "done",
      formError: null,
      fieldErrors: {},
      values: {},
      notice,
      result,
      nextIdempotencyKey: definition.access !== "public" && isIdempotent(definition) ? randomUUID() : null,
    },
    redirectTo,
    cookies,
    isPageStale: true,
  };
}
