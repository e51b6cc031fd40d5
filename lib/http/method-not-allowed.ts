import { AppError } from "@/lib/errors";
import { appErrorResponse, errorBody, json } from "@/lib/http/responses";
import { withApiSecurityHeaders } from "@/lib/http/api-security-headers";

/** The methods a route file answers itself; Next adds OPTIONS, and HEAD wherever GET exists. */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type Handler = (request: Request) => Promise<Response>;

const refusers = new WeakSet<Handler>();

/** True for a handler made by otherMethods: a route file's refusal, not one of its real methods. */
export function isMethodRefusal(handler: unknown): boolean {
  return typeof handler === "function" && refusers.has(handler as Handler);
}

/** The Allow header of a route that serves `allowed` (HEAD follows GET; OPTIONS is Next's). */
export function allowHeader(allowed: readonly RouteMethod[]): string {
  const served = new Set<RouteMethod>(allowed);
  if (served.has("GET")) served.add("HEAD");
  return [...ROUTE_METHODS.filter((method) => served.has(method)), "OPTIONS"].join(", ");
}

/**
 * Handlers for every method a route does not serve: 405 METHOD_NOT_ALLOWED in
 * the JSON error body, with Allow. Next answers a method a route file does not
 * export with an empty 405 of its own, so each route file exports these for
 * the rest (lib/http/method-not-allowed.integration.test.ts checks that every
 * route does):
 *
 *     export const GET = …;
 *     export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
 */
export function otherMethods(...allowed: RouteMethod[]): Record<RouteMethod, Handler> {
  const allow = allowHeader(allowed);
  const refuse: Handler = async () => {
    const response = appErrorResponse(new AppError("METHOD_NOT_ALLOWED", `This endpoint accepts ${allow}.`));
    response.headers.set("allow", allow);
    return withApiSecurityHeaders(response);
  };
  refusers.add(refuse);
  return Object.fromEntries(ROUTE_METHODS.map((method) => [method, refuse])) as Record<RouteMethod, Handler>;
}

/** The answer for any method on a path under /api that names no endpoint. */
export function unknownApiPath(): Response {
  return withApiSecurityHeaders(json(errorBody("NOT_FOUND", "No such endpoint."), 404));
}
