import "server-only";
import { QUEUE_TOKEN_HEADER, queueTokenFrom } from "@/lib/queue/require-admission";

export type QueueTokenSource = {
  token: string | undefined;
  /** Set when the token came from the cookie of this concert (the header, when sent, always wins). */
  cookieConcertId: string | undefined;
};

/** Where a status poll or a leave finds its token: the X-Queue-Token header, else the cookie of `concertId`. */
export function queueTokenSource(request: Request, concertId: string | undefined): QueueTokenSource {
  if (request.headers.get(QUEUE_TOKEN_HEADER)) return { token: queueTokenFrom(request, null), cookieConcertId: undefined };
  return { token: concertId ? queueTokenFrom(request, concertId) : undefined, cookieConcertId: concertId };
}
