import "server-only";
import { z } from "zod";
import { adminConcertOperations } from "@/lib/admin/api-contract";
import { auditOperations } from "@/lib/audit/api-contract";
import { authOperations } from "@/lib/auth/api-contract";
import { bookingOperations } from "@/lib/booking/api-contract";
import { catalogOperations } from "@/lib/catalog/api-contract";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { Access, ApiOperation } from "@/lib/openapi/operation";
import { SchemaComponents, type JsonSchema } from "@/lib/openapi/schema-components";
import { systemOperations } from "@/lib/openapi/system-contract";
import { paymentOperations } from "@/lib/payments/api-contract";
import { queueOperations, roomAdminOperations } from "@/lib/queue/api-contract";
import { refundOperations } from "@/lib/refunds/api-contract";
import { RETENTION } from "@/lib/retention/retention-policy";
import { venueOperations } from "@/lib/venues/api-contract";
import { walletOperations } from "@/lib/wallet/api-contract";

export const API_OPERATIONS: ApiOperation[] = [
  ...systemOperations,
  ...authOperations,
  ...catalogOperations,
  ...queueOperations,
  ...bookingOperations,
  ...walletOperations,
  ...paymentOperations,
  ...refundOperations,
  ...auditOperations,
  ...venueOperations,
  ...adminConcertOperations,
  ...roomAdminOperations,
];

/** Tag descriptions, in the order the docs list them; tags not named here follow. */
const TAG_DESCRIPTIONS: Record<string, string> = {
  System: "Liveness and this document.",
  Auth: "Accounts and sessions. The session is an HttpOnly cookie set by sign-up and sign-in.",
  Catalogue: "Concerts and their performances. Public.",
  "Waiting room": "Joining the line and polling a place in it with the signed queue token.",
  Booking: "Dates, seats and holds. Needs a session and an admitted queue token.",
  Wallet: "The prepaid balance and its append-only ledger.",
  Payment: "Paying for holds from the wallet, once per Idempotency-Key.",
  Tickets: "A fan's paid seats: cancelling one while its date's booking is open, the price back in the wallet.",
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

/**
 * The security requirements of each kind of access. Requirements in one object
 * must all be met; the objects of the list are alternatives. The queue token
 * may come as the X-Queue-Token header or as the web UI's cookie.
 */
const SECURITY: Record<Access, Array<Record<string, string[]>>> = {
  public: [],
  session: [{ session: [] }],
  admin: [{ session: [] }],
  sessionAndQueueToken: [{ session: [], queueToken: [] }, { session: [], queueTokenCookie: [] }],
  queueToken: [{ queueToken: [] }, { queueTokenCookie: [] }],
  cronSecret: [{ cronSecret: [] }],
};

const SECURITY_SCHEMES = {
  session: { type: "apiKey", in: "cookie", name: "encore_session", description: "Set by sign-up and sign-in (HttpOnly)." },
  queueToken: { type: "apiKey", in: "header", name: "X-Queue-Token", description: "The signed token from joining the waiting room." },
  queueTokenCookie: {
    type: "apiKey", in: "cookie", name: "encore_queue_{concertId}",
    description: "The web UI's copy of the queue token: one HttpOnly cookie per concert, named encore_queue_ and the concert id without dashes. The X-Queue-Token header, when sent, wins.",
  },
  cronSecret: { type: "http", scheme: "bearer", description: "Authorization: Bearer $CRON_SECRET (Vercel Cron)." },
};

/** Answers that say when to try again. */
const RETRY_AFTER_STATUSES = new Set(["429", "503"]);
const RETRY_AFTER_HEADER = {
  description: "Whole seconds to wait before trying again.",
  schema: { type: "integer", minimum: 1 },
};

/** Error codes every operation of a kind can answer with, beyond the ones it lists. */
function sharedErrorCodes(operation: ApiOperation): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (operation.body) codes.push("MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "VALIDATION_FAILED");
  if (operation.method !== "get") codes.push("FORBIDDEN_ORIGIN");
  if (operation.access === "session" || operation.access === "sessionAndQueueToken" || operation.access === "cronSecret") codes.push("UNAUTHENTICATED");
  if (operation.access === "admin") codes.push("UNAUTHENTICATED", "FORBIDDEN");
  if (operation.access === "sessionAndQueueToken" || operation.access === "queueToken") codes.push("INVALID_QUEUE_TOKEN");
  if (operation.requiresIdempotencyKey) codes.push("IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS");
  if (operation.pathParams) codes.push("NOT_FOUND");
  codes.push("INTERNAL");
  if (!operation.isStatic) codes.push("SERVICE_UNAVAILABLE");
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
  if (operation.requiresIdempotencyKey) {
    list.push({
      name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 1, maxLength: 255 },
      description:
        "One key per intent: a retry with the same key and body returns the first answer. The answer is kept for " +
        `${RETENTION.idempotencyRecords.keepSeconds / 3600} hours; a retry after that is a new request.`,
    });
  }
  if (operation.isConditional) {
    list.push({
      name: "If-None-Match", in: "header", required: false, schema: { type: "string" },
      description: "The ETag of the answer the caller has (weak or strong); when it is still current the answer is 304 with no body.",
    });
  }
  return list;
}

function headersOf(status: string, setsCookie?: string, isConditional = false): JsonSchema | undefined {
  const headers: JsonSchema = {};
  if (isConditional && (status === "200" || status === "304")) {
    headers.ETag = { description: "Changes exactly when the body does (a hash of it).", schema: { type: "string" } };
  }
  if (setsCookie) headers["Set-Cookie"] = { description: setsCookie, schema: { type: "string" } };
  if (RETRY_AFTER_STATUSES.has(status)) headers["Retry-After"] = { $ref: "#/components/headers/RetryAfter" };
  return Object.keys(headers).length ? headers : undefined;
}

function responses(operation: ApiOperation, components: SchemaComponents): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  const answers = operation.isConditional
    ? { ...operation.responses, 304: { description: "Not modified: the ETag named by If-None-Match is current. No body." } }
    : operation.responses;
  for (const [status, response] of Object.entries(answers)) {
    const headers = headersOf(status, response.setsCookie, operation.isConditional);
    result[status] = {
      description: response.description,
      ...(headers ? { headers } : {}),
      ...(response.schema ? { content: { "application/json": { schema: components.toSchema(response.schema, "output") } } } : {}),
      ...(response.textMediaType ? { content: { [response.textMediaType]: { schema: { type: "string" } } } } : {}),
    };
  }
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of [...(operation.errors ?? []), ...sharedErrorCodes(operation)]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers = headersOf(String(status));
    result[String(status)] ??= {
      description: `Error: ${[...codes].join(", ")}`,
      ...(headers ? { headers } : {}),
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
    (paths[operation.path] ??= {})[operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      description: operation.description,
      operationId: operationId(operation),
      parameters: parameters(operation, components),
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: components.toSchema(operation.body, "input") } } } }
        : {}),
      responses: responses(operation, components),
      security: SECURITY[operation.access],
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Encore API",
      version: "1.0.0",
      description:
        "Concert seats sold through a fair waiting room. JSON in, JSON out; ids are strings, times are ISO-8601 UTC, " +
        "money is whole won. Errors always have the shape of the Error schema. Non-GET requests from another Origin are refused. " +
        "An unknown /api path answers 404 NOT_FOUND, a known path with another method 405 METHOD_NOT_ALLOWED with Allow. " +
        "The full contract in prose is docs/API.md.",
    },
    servers: [{ url: "/" }],
    tags: tagsOf(API_OPERATIONS),
    paths,
    components: {
      schemas: components.schemas,
      headers: { RetryAfter: RETRY_AFTER_HEADER },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
