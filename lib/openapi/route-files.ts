import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Where the route handlers of the HTTP API live, for the tests that hold the
// OpenAPI document and docs/API.md to the routes that exist.

export const APP_DIR = path.resolve("app");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every app/api/**\/route.ts(x|js). */
export function listRouteFiles(directory = path.join(APP_DIR, "api")): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/concerts/[concertId]/route.ts → /api/concerts/{concertId} (route groups dropped). */
export function apiPathOf(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** "get /api/concerts/{concertId}" → whether app/api/concerts/[concertId]/route.ts exports GET. */
export function hasRouteHandler(endpoint: string): boolean {
  const [method, apiPath] = endpoint.split(" ") as [string, string];
  const file = path.join(APP_DIR, ...apiPath.split("/").filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, "[$1]")), "route.ts");
  if (!existsSync(file)) return false;
  return new RegExp(`^export (const|async function|function) ${method.toUpperCase()}\\b`, "m").test(readFileSync(file, "utf8"));
}
