import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level, so two bodies that mean the
 * same thing serialise to the same text whatever order their keys came in.
 * Array order is kept: it can carry meaning.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(",")}}`;
}

/**
 * What an Idempotency-Key is bound to: the method, the path and the validated
 * body. A retry must match it exactly; another body under the same key is
 * refused (422 IDEMPOTENCY_KEY_REUSED).
 */
export function hashRequest(request: { method: string; path: string; body: unknown }): string {
  return createHash("sha256")
    .update(`${request.method.toUpperCase()} ${request.path}\n${canonicalJson(request.body)}`)
    .digest("hex");
}
