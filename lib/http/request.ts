import { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/responses";

const MAX_BODY_BYTES = 64 * 1024;

/** Parses and validates a JSON body: 400 when it is not JSON, 422 when a field is wrong. */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("VALIDATION_FAILED", "The request body is too large.");
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
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type CookieOptions = { maxAgeSeconds: number; secure: boolean; httpOnly?: boolean; path?: string };

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
