import { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

export function json(body: unknown, init: number | ResponseInit = 200): Response {
  return jsonText(JSON.stringify(body), init);
}

/** A JSON response whose body is serialized already (a hot path that reuses serialized parts). */
export function jsonText(text: string | Uint8Array<ArrayBuffer>, init: number | ResponseInit = 200): Response {
  const responseInit = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(responseInit.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", headers.get("cache-control") ?? "no-store");
  return new Response(text, { ...responseInit, headers });
}

export function noContent(headers?: HeadersInit): Response {
  return new Response(null, { status: 204, headers });
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function appErrorResponse(error: AppError): Response {
  const headers = new Headers();
  if (error.retryAfterSeconds !== undefined) headers.set("retry-after", String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return json(errorBody(error.code, error.message, error.details), { status: error.status, headers });
}

/** Field errors in the shape API clients get under error.details. */
export function fieldErrors(error: z.ZodError): { fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "(body)";
    (fields[key] ??= []).push(issue.message);
  }
  return { fields };
}
