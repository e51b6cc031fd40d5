import "server-only";
import { isProductionDeployment } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/http/security-headers";

let headers: [string, string][] | undefined;

/**
 * Puts the API's security headers (docs/decisions/085) on a route handler's
 * answer. Set here rather than in proxy.ts: the proxy runs as middleware, and
 * running it on every API request cost most of a request's throughput.
 */
export function withApiSecurityHeaders(response: Response): Response {
  headers ??= Object.entries(apiSecurityHeaders({ isProduction: isProductionDeployment() }));
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
