import type { ApiOperation } from "@/lib/openapi/operation";
import {
  adminRoomResponse, admitNowInput, admitNowResponse, concertIdParams, joinQueueResponse, leaveQueueQuery, queueStatusQuery,
  queueStatusSchema, roomSettingsUpdate,
} from "@/lib/queue/schemas";

const QUEUE_COOKIE = "The web UI's copy of the queue token (encore_queue_ and the concert id without dashes, HttpOnly).";

export const queueOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/concerts/{concertId}/queue", tag: "Waiting room", summary: "Join the concert's waiting room",
    description:
      "Issues a place in line (201) or returns the fan's live place again (200): one place per account, the same from every tab and device. " +
      "A place whose admitted turn has lapsed is replaced by a new one. Before the room opens the place is pre-queued: " +
      "tickets are drawn at random among everyone pre-queued at opening; later arrivals are first come, first served. " +
      "The token is also set as an HttpOnly cookie for the web UI.",
    access: "session",
    pathParams: concertIdParams,
    responses: {
      200: { description: "The fan's live place again.", schema: joinQueueResponse, setsCookie: QUEUE_COOKIE },
      201: { description: "A new place in line.", schema: joinQueueResponse, setsCookie: QUEUE_COOKIE },
    },
    errors: ["NOT_FOUND", "FORBIDDEN_ORIGIN", "CONFLICT"],
  },
  {
    method: "get", path: "/api/queue/status", tag: "Waiting room", summary: "Poll a place in line",
    description:
      "Authenticated by the signed queue token alone (X-Queue-Token, or the web UI's cookie picked by concertId); no session lookup, " +
      "and no database query in the steady state. Position = ticket − serving counter. When the answer carries a `token`, use it from then on. " +
      "Poll again after pollAfterMs.",
    access: "queueToken",
    query: queueStatusQuery,
    responses: {
      200: {
        description: "The place in line.", schema: queueStatusSchema,
        setsCookie: "When the token came from the web UI's cookie and the answer carries a fresh token: that cookie, replaced.",
      },
    },
    errors: ["INVALID_QUEUE_TOKEN", "QUEUE_TOKEN_EXPIRED", "VALIDATION_FAILED", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "delete", path: "/api/queue", tag: "Waiting room", summary: "Leave the line",
    description:
      "Ends the place at once (the next fan moves up) and clears the web UI's cookie. Idempotent: leaving a place that already ended answers 204 too. " +
      "Only the token's own holder may leave with it.",
    access: "sessionAndQueueToken",
    query: leaveQueueQuery,
    responses: { 204: { description: "The place is given up.", setsCookie: "Clears the web UI's queue cookie of the concert." } },
    errors: ["INVALID_QUEUE_TOKEN", "VALIDATION_FAILED", "FORBIDDEN_ORIGIN"],
  },
];

export const roomAdminOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/admin/concerts/{concertId}/room", tag: "Admin", summary: "A concert's waiting room", access: "admin",
    description:
      "Its settings, whether it is paused, the serving counter against the last ticket, and the fans waiting and admitted, counted " +
      "exactly (pre-queued fans count as waiting).",
    pathParams: concertIdParams,
    responses: { 200: { description: "The room.", schema: adminRoomResponse } },
  },
  {
    method: "patch", path: "/api/admin/concerts/{concertId}/room", tag: "Admin", summary: "Change, pause or resume a waiting room", access: "admin",
    description:
      "Any of the settings, and isPaused: true admits nobody new (waiting fans keep their places; their status says isPaused), false " +
      "resumes. Safe against admission running at the same moment in any process: once the change has committed, nobody is admitted " +
      "beyond the new capacity or while paused. Audited as room.update with the settings before and after.",
    pathParams: concertIdParams,
    body: roomSettingsUpdate,
    responses: { 200: { description: "The room after the change.", schema: adminRoomResponse } },
  },
  {
    method: "post", path: "/api/admin/concerts/{concertId}/room/admit", tag: "Admin", summary: "Let the next fans in now", access: "admin",
    description:
      "An addition. Admits the next count waiting fans at once, beyond the rate cap but never beyond the capacity: fewer when fewer " +
      "places are free or fewer fans wait. Refused while the room is paused or before it opens (409 ROOM_NOT_ADMITTING). Audited as room.admit.",
    pathParams: concertIdParams,
    body: admitNowInput,
    responses: { 200: { description: "How many were admitted, and the room.", schema: admitNowResponse } },
    errors: ["ROOM_NOT_ADMITTING"],
  },
];
