import { createHash } from "node:crypto";
import { jsonText } from "@/lib/http/responses";

/** A JSON response body with its entity tag. */
export type TaggedJson = { body: string; etag: string };

/**
 * The strong entity tag of a body: a hash of its bytes, so it changes exactly
 * when the body does, and every process answering the same body gives the
 * same tag (docs/decisions/110).
 */
export function entityTagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * Whether an If-None-Match header names the tag. The comparison is weak
 * (RFC 9110 §13.1.2): `W/"x"` matches `"x"`, so a proxy that weakened the
 * tag on the way still gets its 304; `*` matches anything.
 */
export function noneMatchNames(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

const encodedBodies = new WeakMap<TaggedJson, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

/** The body's bytes, encoded once for a body every fan of a snapshot shares (a 60 KB section list, a 95 KB overview). */
function bytesOf(tagged: TaggedJson): Uint8Array<ArrayBuffer> {
  let bytes = encodedBodies.get(tagged);
  if (!bytes) {
    bytes = utf8.encode(tagged.body);
    encodedBodies.set(tagged, bytes);
  }
  return bytes;
}

/**
 * 200 with the body and its ETag, or 304 with no body when the request's
 * If-None-Match names the current tag. `private, no-cache`: a browser may keep
 * the answer and must revalidate it each time; nothing shared may store it
 * (the body can hold the caller's own holds).
 */
export function taggedJsonResponse(request: Request, tagged: TaggedJson): Response {
  const headers = { etag: tagged.etag, "cache-control": "private, no-cache" };
  if (noneMatchNames(request.headers.get("if-none-match"), tagged.etag)) return new Response(null, { status: 304, headers });
  return jsonText(bytesOf(tagged), { headers });
}
