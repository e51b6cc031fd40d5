import "server-only";
import { z } from "zod";
import { authOperations } from "@/lib/auth/api-contract";
import { bookingOperations } from "@/lib/booking/api-contract";
import { catalogOperations } from "@/lib/catalog/api-contract";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { ApiOperation } from "@/lib/openapi/operation";
import { SchemaComponents, type JsonSchema } from "@/lib/openapi/schema-components";
import { systemOperations } from "@/lib/openapi/system-contract";
import { paymentOperations } from "@/lib/payments/api-contract";
import { queueOperations } from "@/lib/queue/api-contract";
import { RETENTION } from "@/lib/retention/retention-policy";
import { walletOperations } from "@/lib/wallet/api-contract";

export const API_OPERATIONS: ApiOperation[] = [
  ...systemOperations,
  ...authOperations,
  ...catalogOperations,
  ...queueOperations,
  ...bookingOperations,
  ...walletOperations,
  ...paymentOperations,
];

/** Tag descriptions, in the order the docs list them; tags not named here follow. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  System: "Liveness and this document.",
  Auth: "Accounts and sessions. The session is an HttpOnly cookie set by sign-up and sign-in.",
  Catalogue: "Concerts and their performances. Public.",
  "Waiting room": "Joining the line and polling a place in it with the signed queue token.",
  Queue: "Joining the line and polling a place in it with the signed queue token.",
  Booking: "Dates, seats and holds. Needs a session and an admitted queue token.",
  Wallet: "The prepaid balance and its append-only ledger.",
  Payment: "Paying for holds from the wallet, once per Idempotency-Key.",
  Payments: "Paying for holds from the wallet, once per Idempotency-Key.",
  Admin: "The operator console. Operators only.",
  Cron: "Scheduled jobs, called by Vercel Cron with the cron secret.",
};

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error", description: "Every error answer has this shape." });

/** Error codes every operation of a kind can answer with, beyond the ones it lists. */
function sharedErrorCodes(operation: ApiOperation): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (operation.body) codes.push("MALFORMED_JSON", "VALIDATION_FAILED");
  if (operation.method !== "get") codes.push("FORBIDDEN_ORIGIN");
  if (operation.auth?.includes("session") || operation.auth?.includes("cronSecret")) codes.push("UNAUTHENTICATED");
  if (operation.auth?.includes("queueToken")) codes.push("INVALID_QUEUE_TOKEN");
  if (operation.requiresIdempotencyKey) codes.push("IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS");
  if (operation.pathParams) codes.push("NOT_FOUND");
  codes.push("INTERNAL");
  return codes;
}

function parameters(operation: ApiOperation, components: SchemaComponents): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (where: "path" | "query", object: z.ZodObject | undefined) => {
    for (const [name, field] of Object.entries(object?.shape ?? {})) {
      const schema = field as z.ZodType;
      list.push({
        name,
        in: where,
        required: where === "path" || !schema.safeParse(undefined).success,
        schema: components.toSchema(schema, "input"),
      });
    }
  };
  add("path", operation.pathParams);
  add("query", operation.query);
  if (operation.auth?.includes("queueToken")) {
    list.push({
      name: "X-Queue-Token", in: "header", required: false, schema: { type: "string" },
      description: "The signed queue token (the web UI may send its cookie instead).",
    });
  }
  if (operation.requiresIdempotencyKey) {
    list.push({
      name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 1, maxLength: 255 },
      description:
        "One key per intent: a retry with the same key and body returns the first answer. The answer is kept for " +
        `${RETENTION.idempotencyRecords.keepSeconds / 3600} hours; a retry after that is a new request.`,
    });
  }
  return list;
}

function responses(operation: ApiOperation, components: SchemaComponents): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    result[status] = response.schema
      ? { description: response.description, content: { "application/json": { schema: components.toSchema(response.schema, "output") } } }
      : { description: response.description };
  }
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of [...(operation.errors ?? []), ...sharedErrorCodes(operation)]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    result[String(status)] ??= {
      description: `Error: ${[...codes].join(", ")}`,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return result;
}

function operationId(operation: ApiOperation): string {
  const words = operation.path.replace(/[{}]/g, "").split(/[^a-zA-Z0-9]+/).filter(Boolean);
  return operation.method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
}

function tagsOf(operations: ApiOperation[]) {
  const used = [...new Set(operations.map((operation) => operation.tag))];
  const known = Object.keys(TAG_DESCRIPTIONS);
  const rank = (tag: string) => (known.includes(tag) ? known.indexOf(tag) : known.length);
  return used
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name }));
}

/** The OpenAPI 3.1 document of every endpoint, built from the zod schemas that validate them. */
export function buildOpenApiDocument() {
  const components = new SchemaComponents();
  components.toSchema(errorSchema, "output");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of API_OPERATIONS) {
    const security = (operation.auth ?? []).map((scheme) => ({ [scheme]: [] }));
    (paths[operation.path] ??= {})[operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      operationId: operationId(operation),
      parameters: parameters(operation, components),
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: components.toSchema(operation.body, "input") } } } }
        : {}),
      responses: responses(operation, components),
      ...(security.length ? { security } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Encore API",
      version: "1.0.0",
      description:
        "Concert seats sold through a fair waiting room. JSON in, JSON out; ids are strings, times are ISO-8601 UTC, " +
        "money is whole won. Errors always have the shape of the Error schema. Non-GET requests from another Origin are refused.",
    },
    servers: [{ url: "/" }],
    tags: tagsOf(API_OPERATIONS),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "encore_session", description: "Set by sign-up and sign-in." },
        queueToken: { type: "apiKey", in: "header", name: "X-Queue-Token", description: "The signed token from joining the waiting room." },
        cronSecret: { type: "http", scheme: "bearer", description: "Authorization: Bearer $CRON_SECRET (Vercel Cron)." },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
