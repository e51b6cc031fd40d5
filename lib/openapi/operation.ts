import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

/**
 * One endpoint of the HTTP API, described with the same zod schemas that
 * validate it. Each domain lists its endpoints in lib/<domain>/api-contract.ts.
 */
export type ApiOperation = {
  method: "get" | "post" | "delete";
  /** OpenAPI path, e.g. /api/concerts/{concertId} */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** What the caller must present. */
  auth?: Array<"session" | "queueToken" | "cronSecret">;
  /** The endpoint requires an Idempotency-Key header. */
  requiresIdempotencyKey?: boolean;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Error codes this endpoint answers with (beyond the shared ones). */
  errors?: ErrorCode[];
};
