import "server-only";
import { cookieValues } from "@/lib/http/request";
import type { QueueTokens } from "@/lib/queue/queue-tokens";
import { QUEUE_COOKIE_PREFIX } from "@/lib/queue/token";

export const QUEUE_TOKEN_HEADER = "x-queue-token";

/**
 * The queue tokens of a request (docs/API.md): the X-Queue-Token header, and the
 * web UI's queue cookies (the first of a name counts, as for any cookie).
 * Routes get them from admittedRoute, pages through requirePageAdmission:
 * this is the one place that reads them.
 */
export function readQueueTokens(headers: Pick<Headers, "get">): QueueTokens {
  const cookies = new Map<string, string>();
  const seen = new Set<string>();
  for (const [name, value] of cookieValues(headers.get("cookie"))) {
    if (!name.startsWith(QUEUE_COOKIE_PREFIX) || seen.has(name)) continue;
    seen.add(name);
    if (value !== undefined) cookies.set(name, value);
  }
  return { header: headers.get(QUEUE_TOKEN_HEADER) || undefined, cookies };
}
