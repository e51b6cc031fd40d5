import type { ApiOperation } from "@/lib/openapi/operation";
import { concertIdParams, joinQueueResponse, leaveQueueQuery, queueStatusQuery, queueStatusSchema } from "@/lib/queue/schemas";

export const queueOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/concerts/{concertId}/queue", tag: "Waiting room", summary: "Join the concert's waiting room",
    description:
      "Issues a place in line (201) or returns the fan's live place again (200): one place per account, the same from every tab and device. " +
      "A place whose admitted turn has lapsed is replaced by a new one. Before the room opens the place is pre-queued: " +
      "tickets are drawn at random among everyone pre-queued at opening; later arrivals are first come, first served. " +
      "The token is also set as an HttpOnly cookie for the web UI.",
    auth: ["session"],
    pathParams: concertIdParams,
    responses: {
      200: { description: "The fan's live place again.", schema: joinQueueResponse },
      201: { description: "A new place in line.", schema: joinQueueResponse },
    },
    errors: ["NOT_FOUND", "FORBIDDEN_ORIGIN", "CONFLICT"],
  },
  {
    method: "get", path: "/api/queue/status", tag: "Waiting room", summary: "Poll a place in line",
    description:
      "Authenticated by the signed queue token alone (X-Queue-Token, or the web UI's cookie picked by concertId); no session lookup, " +
      "and no database query in the steady state. Position = ticket − serving counter. When the answer carries a `token`, use it from then on. " +
      "Poll again after pollAfterMs.",
    auth: ["queueToken"],
    query: queueStatusQuery,
    responses: { 200: { description: "The place in line.", schema: queueStatusSchema } },
    errors: ["INVALID_QUEUE_TOKEN", "QUEUE_TOKEN_EXPIRED", "VALIDATION_FAILED", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "delete", path: "/api/queue", tag: "Waiting room", summary: "Leave the line",
    description:
      "Ends the place at once (the next fan moves up) and clears the web UI's cookie. Idempotent: leaving a place that already ended answers 204 too. " +
      "Only the token's own holder may leave with it.",
    auth: ["session", "queueToken"],
    query: leaveQueueQuery,
    responses: { 204: { description: "The place is given up." } },
    errors: ["INVALID_QUEUE_TOKEN", "VALIDATION_FAILED", "FORBIDDEN_ORIGIN"],
  },
];
