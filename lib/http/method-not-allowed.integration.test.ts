// Every route file under app/api answers every method: its own, or 405
// METHOD_NOT_ALLOWED in the JSON error body with an Allow header naming
// exactly its own. Unknown /api paths answer 404 in the JSON error body.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as unknownPath from "@/app/api/[...path]/route";
import { allowHeader, isMethodRefusal, ROUTE_METHODS, type RouteMethod } from "@/lib/http/method-not-allowed";
import { call, testRequest } from "@/lib/testing/http";

const API_DIR = path.resolve("app/api");
const routeFiles = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts" && !file.includes("[...path]"))
  .sort();

type RouteModule = Partial<Record<RouteMethod, unknown>>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("methods of each /api route", () => {
  it("finds the route files", () => {
    expect(routeFiles.length).toBeGreaterThan(15);
  });

  it.each(routeFiles)("%s answers every method it does not serve with 405 and Allow", async (file) => {
    const routeModule = (await import(path.join(API_DIR, file))) as RouteModule;
    const served = ROUTE_METHODS.filter((method) => routeModule[method] !== undefined && !isMethodRefusal(routeModule[method]));
    expect(served.length).toBeGreaterThan(0);
    for (const method of ROUTE_METHODS) {
      if (served.includes(method) || (method === "HEAD" && served.includes("GET"))) continue;
      expect(isMethodRefusal(routeModule[method]), `${file} must export ${method} from otherMethods()`).toBe(true);
      const response = await call(routeModule[method] as Handler, testRequest(method, `/api/${path.dirname(file)}`));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allowHeader(served));
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: expect.any(String) } });
    }
  });
});

describe("an unknown /api path", () => {
  it.each(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)("answers %s with 404 NOT_FOUND in JSON", async (method) => {
    const response = await call(unknownPath[method] as Handler, testRequest(method, "/api/no-such-endpoint"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });
});
