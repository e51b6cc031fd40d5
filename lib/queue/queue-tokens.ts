import "server-only";
import { queueCookieName } from "@/lib/queue/token";

/**
 * The queue tokens a request carries, as lib/http reads them: the
 * X-Queue-Token header (API clients), and the web UI's HttpOnly cookies, one
 * per concert, by cookie name. Which one counts depends on the concert, which
 * the domain call finds (from a performance, a hold, a reservation).
 */
export type QueueTokens = {
  header: string | undefined;
  cookies: ReadonlyMap<string, string>;
};

/** The token for a concert: the header when sent (it always wins), else that concert's cookie. */
export function queueTokenFor(tokens: QueueTokens, concertId: string): string | undefined {
  return tokens.header ?? tokens.cookies.get(queueCookieName(concertId));
}

export type QueueTokenSource = {
  token: string | undefined;
  /** Set when the token came from the cookie of this concert (the header, when sent, always wins). */
  cookieConcertId: string | undefined;
};

/** Where a status poll or a leave finds its token: the header, else the cookie of `concertId` (when given). */
export function queueTokenSource(tokens: QueueTokens, concertId: string | undefined): QueueTokenSource {
  if (tokens.header !== undefined) return { token: tokens.header, cookieConcertId: undefined };
  return { token: concertId ? queueTokenFor(tokens, concertId) : undefined, cookieConcertId: concertId };
}
