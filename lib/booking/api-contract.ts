import {
  concertIdParams,
  holdSeatsInput,
  holdSeatsResponse,
  myReservationsResponse,
  performanceIdParams,
  performancesResponse,
  releaseHoldsResponse,
  reservationIdParams,
  seatsQuery,
  seatsResponse,
  sectionsResponse,
} from "@/lib/booking/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

const ADMISSION_ERRORS = ["INVALID_QUEUE_TOKEN", "NOT_ADMITTED", "QUEUE_TOKEN_EXPIRED", "NOT_FOUND"] as const;

export const bookingOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/concerts/{concertId}/performances", tag: "Booking", summary: "The dates still on sale",
    description: "Admitted fans only. Dates whose booking has not closed, earliest first, with the seats free now (an expired hold counts as free).",
    access: "sessionAndQueueToken",
    pathParams: concertIdParams,
    responses: { 200: { description: "The performances.", schema: performancesResponse } },
    errors: [...ADMISSION_ERRORS],
  },
  {
    method: "get", path: "/api/performances/{performanceId}/sections", tag: "Booking", summary: "The sections of a performance's venue",
    description:
      "Admitted fans only. The venue's sections in drawing order, each with its grade, price, seats and seats free now (an expired hold counts as free), " +
      "its rows and aisles, and its box in the venue drawing's 1000 × 1000 view box. Counts may be up to a second behind. " +
      "The ETag is shared by every fan and changes exactly when the body does.",
    access: "sessionAndQueueToken",
    pathParams: performanceIdParams,
    isConditional: true,
    responses: { 200: { description: "The sections with their counts.", schema: sectionsResponse } },
    errors: [...ADMISSION_ERRORS],
  },
  {
    method: "get", path: "/api/performances/{performanceId}/seats", tag: "Booking", summary: "The seat map of a performance or of one section",
    description:
      "Admitted fans only. Seats by number with section, row, label, grade, price and state; the caller's own holds say heldByMe and when they end. " +
      "With ?section= only that section's seats (a section not of the performance's venue answers 404). " +
      "The caller's own holds and releases show at once; other fans' holds, releases and purchases may show up to a second late " +
      "(holding a seat decides, never the map: a seat taken meanwhile answers SEAT_UNAVAILABLE). " +
      "The ETag is a hash of the body the caller gets, so it covers the caller's own holds and changes only when a seat of the list changes.",
    access: "sessionAndQueueToken",
    pathParams: performanceIdParams,
    query: seatsQuery,
    isConditional: true,
    responses: { 200: { description: "The seats.", schema: seatsResponse } },
    errors: [...ADMISSION_ERRORS],
  },
  {
    method: "post", path: "/api/reservations", tag: "Booking", summary: "Hold 1–4 seats for 5 minutes",
    description:
      "Admitted fans only. All or nothing: when any seat is held by someone else or sold, nothing is held and details.seatIds names the seats that were not free. " +
      "A fan may hold at most 4 seats of one performance at once (HOLD_LIMIT). Seats of another performance or unknown seats answer 422.",
    access: "sessionAndQueueToken",
    body: holdSeatsInput,
    responses: { 201: { description: "The seats are held until expiresAt.", schema: holdSeatsResponse } },
    errors: [...ADMISSION_ERRORS, "SEAT_UNAVAILABLE", "HOLD_LIMIT", "BOOKING_CLOSED"],
  },
  {
    method: "delete", path: "/api/reservations/{reservationId}", tag: "Booking", summary: "Release one of your holds",
    description: "Admitted fans only. Only the caller's own live hold; any other id (someone else's, paid, expired, unknown) answers 404.",
    access: "sessionAndQueueToken",
    pathParams: reservationIdParams,
    responses: { 204: { description: "The seat is free again." } },
    errors: [...ADMISSION_ERRORS],
  },
  {
    method: "get", path: "/api/reservations", tag: "Booking", summary: "Your reservations",
    description: "All of the caller's reservations, newest first. A hold whose time ran out reads EXPIRED at once.",
    access: "session",
    responses: { 200: { description: "The reservations.", schema: myReservationsResponse } },
  },
  {
    method: "get", path: "/api/cron/release-holds", tag: "Cron", summary: "Release expired holds",
    description:
      "Vercel Cron, every minute, with Authorization: Bearer $CRON_SECRET (never a query parameter). Marks expired holds EXPIRED in bounded batches " +
      "and ends queue tokens whose admission is over, then removes rows past their retention (expired sessions, idempotency records " +
      "older than 24 hours, ended queue tokens, stale sign-in throttles) within a time budget. Safe to run twice at once and again at any time.",
    access: "cronSecret",
    responses: { 200: { description: "How many holds and queue tokens were expired, and how many rows of each kind were removed.", schema: releaseHoldsResponse } },
    errors: ["UNAUTHENTICATED"],
  },
];
