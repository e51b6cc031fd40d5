// Every operator endpoint checks the role itself: no session → 401, a fan →
// 403 FORBIDDEN, an operator gets past the check. Table-driven from the
// OpenAPI document, so an endpoint added later is covered too.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { API_OPERATIONS } from "@/lib/openapi/document";
import { apiPathOf, APP_DIR, listRouteFiles } from "@/lib/openapi/route-files";
import { signedInUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const adminOperations = API_OPERATIONS.filter((operation) => operation.access === "admin");
const SOME_ID = "00000000-0000-4000-8000-000000000000";

async function answer(operation: (typeof adminOperations)[number], cookie?: string): Promise<{ status: number; code?: string }> {
  const file = path.join(APP_DIR, ...operation.path.split("/").filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
  const routeModule = (await import(file)) as Record<string, Handler>;
  const params = Object.fromEntries([...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, SOME_ID]));
  const url = operation.path.replace(/\{\w+\}/g, SOME_ID);
  const method = operation.method.toUpperCase();
  const response = await call(routeModule[method]!, testRequest(method, url, {
    cookie, body: method === "GET" ? undefined : {}, headers: { "idempotency-key": crypto.randomUUID() },
  }), params);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : {};
  return { status: response.status, code: body?.error?.code };
}

describe("operator endpoints", () => {
  it("are every route under /api/admin", () => {
    const described = new Set(adminOperations.map((operation) => operation.path));
    const routes = listRouteFiles(path.join(APP_DIR, "api", "admin")).map(apiPathOf);
    expect(routes.filter((route) => !described.has(route))).toEqual([]);
    expect(adminOperations.length).toBeGreaterThanOrEqual(14);
  });

  it.each(adminOperations.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation] as const))(
    "%s: 401 without a session, 403 FORBIDDEN for a fan, past the check for an operator",
    async (_name, operation) => {
      const [fan, operator] = await Promise.all([signedInUser(db(), "FAN"), signedInUser(db(), "ADMIN")]);
      expect(await answer(operation)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
      expect(await answer(operation, fan.cookie)).toEqual({ status: 403, code: "FORBIDDEN" });
      expect([401, 403]).not.toContain((await answer(operation, operator.cookie)).status);
    },
  );
});
