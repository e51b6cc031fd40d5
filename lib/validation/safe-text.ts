import { z } from "zod";

/** A UTF-16 surrogate without its partner: not a character, and PostgreSQL cannot store it as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `value` can be stored and shown as text: no NUL (PostgreSQL refuses it, 22021) and no lone surrogate. */
export function isSafeText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/**
 * The string schema every free-text input field starts from: NUL and lone
 * surrogates are refused as field errors (422) before anything reaches the
 * database, instead of failing there as a 500.
 */
export function safeText() {
  return z.string().refine(isSafeText, { message: "Remove the NUL or unpaired surrogate character.", abort: true });
}
