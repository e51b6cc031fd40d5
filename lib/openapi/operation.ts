import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

/**
 * What a caller must present:
 * public — nothing;
 * session — the session cookie;
 * admin — the session cookie of an operator (role ADMIN): a fan is refused with 403 FORBIDDEN;
 * sessionAndQueueToken — the session AND the queue token (X-Queue-Token, or the web UI's cookie);
 * queueToken — the queue token alone (header or cookie);
 * cronSecret — Authorization: Bearer $CRON_SECRET.
 */
export type Access = "public" | "session" | "admin" | "sessionAndQueueToken" | "queueToken" | "cronSecret";

export type ApiResponse = {
  description: string;
  schema?: z.ZodType;
  /** A body that is not JSON (e.g. "text/csv"): described as text of that media type. */
  textMediaType?: string;
  /** What the Set-Cookie header of this answer sets or clears. */
  setsCookie?: string;
};

/**
 * One endpoint of the HTTP API, described with the same zod schemas that
 * validate it. Each domain lists its endpoints in lib/<domain>/api-contract.ts.
 */
export type ApiOperation = {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/concerts/{concertId} */
  path: string;
  summary: string;
  /** What it does and the rules a client needs, in a sentence or a few. */
  description: string;
  tag: string;
  access: Access;
  /** The endpoint requires an Idempotency-Key header. */
  requiresIdempotencyKey?: boolean;
  /** Answers 200 with an ETag, and 304 with no body when If-None-Match names the current one. */
  isConditional?: boolean;
  /** Answers from the code alone, never from the database (so never 503). */
  isStatic?: boolean;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ApiResponse>;
  /** Error codes this endpoint answers with (beyond the shared ones). */
  errors?: ErrorCode[];
};
