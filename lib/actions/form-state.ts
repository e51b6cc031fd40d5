// What a server action's form shows after a submit. Plain data with no
// server-only import: the client form components read it with React 19's
// useActionState, and the server renders it too when a form was posted before
// the JavaScript loaded.

export type FormStatus = "idle" | "invalid" | "failed" | "done";

export type FormState<Result = unknown> = {
  status: FormStatus;
  /** Shown above the form: what went wrong with the whole submit (Korean). */
  formError: string | null;
  /** One Korean message per refused field, by the field's form name ("sections.0.rows"). */
  fieldErrors: Record<string, string>;
  /** What the user typed, so a refused form keeps it (never a password). */
  values: Record<string, string>;
  /** Said once the action took effect (Korean). */
  notice: string | null;
  /** What the action answered, when it took effect. */
  result: Result | null;
  /**
   * The Idempotency-Key for the next submit of a money-changing form: a new one after a submit that
   * took effect (the next one is a new intent), null to keep the one the form was rendered with.
   */
  nextIdempotencyKey: string | null;
};

export const initialFormState: FormState<never> = {
  status: "idle",
  formError: null,
  fieldErrors: {},
  values: {},
  notice: null,
  result: null,
  nextIdempotencyKey: null,
};

/** The hidden field a money-changing form carries its Idempotency-Key in. */
export const IDEMPOTENCY_KEY_FIELD = "idempotencyKey";
