import { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/responses";

/** The largest body an endpoint accepts unless it says otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

function payloadTooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
}

/**
 * The body as text, refused with 413 PAYLOAD_TOO_LARGE as soon as it is known
 * to pass `maxBytes`: at once from a Content-Length that says so, else while
 * streaming, counting bytes as they arrive and cancelling the rest. A large
 * body therefore never sits in memory whole.
 */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/**
 * Parses and validates a JSON body: 413 when too large, 400 when it is not JSON, 422 when a field is wrong.
 * `emptyBody`: what an empty body stands for, for endpoints whose body is optional (else an empty body is 400).
 */
export async function readJson<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { maxBytes?: number; emptyBody?: unknown } = {},
): Promise<z.infer<Schema>> {
  const text = await readBodyText(request, options.maxBytes);
  if (text.trim() === "" && options.emptyBody !== undefined) return parseOrThrow(schema, options.emptyBody);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", "The request body is not valid JSON.");
  }
  return parseOrThrow(schema, body);
}

export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { details: fieldErrors(result.error) });
  }
  return result.data;
}

/** A path parameter that must be a UUID; anything else cannot exist, so 404. */
export function parseId(value: string | undefined, what = "resource"): string {
  if (!value || !z.uuid().safeParse(value).success) throw new AppError("NOT_FOUND", `No such ${what}.`);
  return value.toLowerCase();
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const [cookieName, value] of cookieValues(request.headers.get("cookie"))) {
    if (cookieName === name) return value;
  }
  return undefined;
}

/** The cookies of a Cookie header in order, each decoded (undefined when it cannot be). */
export function* cookieValues(header: string | null): Generator<[name: string, value: string | undefined]> {
  if (!header) return;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    const value = part.slice(index + 1).trim();
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      decoded = undefined;
    }
    yield [part.slice(0, index).trim(), decoded];
  }
}

export type CookieOptions = { maxAgeSeconds: number; secure: boolean; httpOnly?: boolean; path?: string };

/** An HttpOnly, SameSite=Lax cookie to set: a route serializes it (serializeCookie), a server action hands it to Next. */
export type ResponseCookie = { name: string; value: string; path: string; maxAgeSeconds: number; secure: boolean };

export function serializeResponseCookie(cookie: ResponseCookie): string {
  return serializeCookie(cookie.name, cookie.value, cookie);
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? "/"}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    "SameSite=Lax",
  ];
  if (options.httpOnly ?? true) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}
