import { z } from "zod";
import type { ApiOperation } from "@/lib/openapi/operation";

const healthResponse = z
  .object({ status: z.literal("ok"), database: z.literal("up") })
  .meta({ id: "HealthResponse" });

const healthDownResponse = z
  .object({ status: z.literal("degraded"), database: z.literal("down") })
  .meta({ id: "HealthDownResponse" });

const openApiResponse = z.record(z.string(), z.unknown()).meta({ id: "OpenApiDocument", description: "This document." });

/** Endpoints that belong to no domain: liveness and this very document. */
export const systemOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/health", tag: "System", summary: "Health check", access: "public",
    description: "Answers 503 with Retry-After when the database is unreachable.",
    responses: {
      200: { description: "The app and its database are up.", schema: healthResponse },
      503: { description: "The database is unreachable.", schema: healthDownResponse },
    },
  },
  {
    method: "get", path: "/api/openapi.json", tag: "System", summary: "This OpenAPI 3.1 document", access: "public", isStatic: true,
    description: "Generated from the same zod schemas that validate the requests. A readable rendering is at /api-docs.",
    responses: { 200: { description: "The OpenAPI document.", schema: openApiResponse } },
  },
];
