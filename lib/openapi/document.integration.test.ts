// Keeps /api/openapi.json honest as the API grows: it must be a well-formed
// OpenAPI 3.1 document and describe every method that every app/api/**/route.ts
// exports. (api-md.test.ts holds it to the endpoints of docs/API.md.)
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { isMethodRefusal } from "@/lib/http/method-not-allowed";
import { groupOperationsByTag } from "@/lib/openapi/document-view";
import { APP_DIR, apiPathOf, HTTP_METHODS, listRouteFiles } from "@/lib/openapi/route-files";
import { call, testRequest } from "@/lib/testing/http";

/** Routes that are deliberately not part of the public API, and why. */
const UNDOCUMENTED_ROUTES: Record<string, string> = {
  "/api/bench/noop": "the benchmarks' reference route; 404 unless the server runs with ENCORE_BENCH=true",
  "/api/{path}": "the catch-all that answers unknown /api paths with 404 in the JSON error body",
};

const responseSchema = z.object({ description: z.string().min(1), content: z.record(z.string(), z.object({ schema: z.record(z.string(), z.unknown()) })).optional() });
const operationSchema = z.object({
  operationId: z.string().min(1),
  summary: z.string().min(1),
  tags: z.array(z.string()).min(1),
  parameters: z.array(z.object({
    name: z.string().min(1),
    in: z.enum(["path", "query", "header", "cookie"]),
    required: z.boolean(),
    schema: z.record(z.string(), z.unknown()),
  })),
  requestBody: z.object({ required: z.boolean(), content: z.object({ "application/json": z.object({ schema: z.record(z.string(), z.unknown()) }) }) }).optional(),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/), responseSchema).refine((responses) => Object.keys(responses).length > 0),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
});
const documentSchema = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(z.string().regex(/^\/api\//), z.partialRecord(z.enum(["get", "post", "put", "patch", "delete"]), operationSchema)),
  components: z.object({
    schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), z.record(z.string(), z.unknown())),
    securitySchemes: z.record(z.string(), z.object({ type: z.enum(["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"]) })),
  }),
});
type OpenApiDocument = z.infer<typeof documentSchema>;

/** Resolves a local JSON pointer like #/components/schemas/User. */
function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer.slice(2).split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
}

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

let document: OpenApiDocument;
let raw: unknown;

beforeAll(async () => {
  const response = await call(openApiRoute, testRequest("GET", "/api/openapi.json"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  raw = await response.json();
  document = documentSchema.parse(raw);
});

const operations = () =>
  Object.entries(document.paths).flatMap(([apiPath, item]) =>
    Object.entries(item).map(([method, operation]) => ({ key: `${method} ${apiPath}`, apiPath, operation: operation! })),
  );

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document whose refs, tags, security and path parameters all line up", () => {
    const refs = collectRefs(raw);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, "only local component refs").toMatch(/^#\/components\/(schemas|headers)\//);
      expect(resolvePointer(raw, ref), `${ref} resolves`).toBeDefined();
    }
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, apiPath, operation } of operations()) {
      const templated = [...apiPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = operation.parameters.filter((parameter) => parameter.in === "path");
      expect(declared.map((parameter) => parameter.name).sort(), `${key} path parameters`).toEqual(templated);
      expect(declared.every((parameter) => parameter.required), `${key} path parameters are required`).toBe(true);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes, key).toHaveProperty(scheme);
      }
      const errors = Object.entries(operation.responses).filter(([, response]) => response.description.startsWith("Error:"));
      for (const [status, response] of errors) {
        expect(response.content?.["application/json"]?.schema, `${key} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("describes every method exported by every app/api/**/route.ts", async () => {
    const documented = new Set(operations().map(({ key }) => key));
    const files = listRouteFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files.filter((candidate) => !(apiPathOf(candidate) in UNDOCUMENTED_ROUTES))) {
      const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      // A method the route refuses (405 from otherMethods()) is not an operation.
      const methods = HTTP_METHODS.filter((method) => typeof routeModule[method] === "function" && !isMethodRefusal(routeModule[method]));
      expect(methods.length, `${file} exports a handler`).toBeGreaterThan(0);
      for (const method of methods) expect(documented, path.relative(APP_DIR, file)).toContain(`${method.toLowerCase()} ${apiPathOf(file)}`);
    }
  });

  it("groups every operation under exactly one tag for the /api-docs page", () => {
    const grouped = groupOperationsByTag(document).flatMap((group) => group.operations.map((operation) => `${operation.method.toLowerCase()} ${operation.path}`));
    expect(grouped.sort()).toEqual(operations().map(({ key }) => key).sort());
  });
});
