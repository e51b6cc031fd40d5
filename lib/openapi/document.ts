import "server-only";
import { z } from "zod";
import { authOperations } from "@/lib/auth/api-contract";
import { bookingOperations } from "@/lib/booking/api-contract";
import { catalogOperations } from "@/lib/catalog/api-contract";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { ApiOperation } from "@/lib/openapi/operation";
import { paymentOperations } from "@/lib/payments/api-contract";
import { queueOperations } from "@/lib/queue/api-contract";
import { walletOperations } from "@/lib/wallet/api-contract";

export const API_OPERATIONS: ApiOperation[] = [
  ...authOperations,
  ...catalogOperations,
  ...queueOperations,
  ...bookingOperations,
  ...walletOperations,
  ...paymentOperations,
];

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
  }) as JsonSchema;
  return rest;
}

function parameters(operation: ApiOperation) {
  const list: JsonSchema[] = [];
  const add = (where: "path" | "query", object: z.ZodObject | undefined) => {
    if (!object) return;
    for (const [name, field] of Object.entries(object.shape)) {
      list.push({ name, in: where, required: where === "path" || !(field as z.ZodType).safeParse(undefined).success, schema: toSchema(field as z.ZodType, "input") });
    }
  };
  add("path", operation.pathParams);
  add("query", operation.query);
  if (operation.auth?.includes("queueToken")) {
    list.push({ name: "X-Queue-Token", in: "header", required: false, schema: { type: "string" }, description: "The signed queue token (the web UI may use its cookie instead)." });
  }
  if (operation.requiresIdempotencyKey) {
    list.push({ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 1, maxLength: 255 } });
  }
  return list;
}

function responses(operation: ApiOperation) {
  const result: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    result[status] = response.schema
      ? { description: response.description, content: { "application/json": { schema: toSchema(response.schema, "output") } } }
      : { description: response.description };
  }
  const codes = new Set<ErrorCode>(operation.errors ?? []);
  if (operation.body) ["VALIDATION_FAILED", "MALFORMED_JSON", "FORBIDDEN_ORIGIN"].forEach((code) => codes.add(code as ErrorCode));
  if (operation.auth?.includes("session")) codes.add("UNAUTHENTICATED");
  codes.add("INTERNAL");
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, statusCodes] of byStatus) {
    result[String(status)] ??= {
      description: `Error: ${statusCodes.join(", ")}`,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return result;
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of API_OPERATIONS) {
    const security = (operation.auth ?? []).map((scheme) => ({ [scheme]: [] }));
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      operationId: `${operation.method}${operation.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())}`,
      parameters: parameters(operation),
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(operation.body, "input") } } } }
        : {}),
      responses: responses(operation),
      ...(security.length ? { security } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Encore API",
      version: "1.0.0",
      description: "Concert seats sold through a fair waiting room. Errors always have the shape of the Error schema.",
    },
    paths,
    components: {
      schemas: { Error: toSchema(errorSchema, "output") },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "encore_session" },
        queueToken: { type: "apiKey", in: "header", name: "X-Queue-Token" },
        cronSecret: { type: "http", scheme: "bearer" },
      },
    },
  };
}
