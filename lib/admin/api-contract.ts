import {
  adminConcertListResponse, adminConcertResponse, adminPerformanceResponse, concertIdParams, concertInput, concertUpdate,
  performanceIdParams, performanceInput, performanceUpdate,
} from "@/lib/admin/concert-input";
import { SOLD_SEATS_CSV_HEADER } from "@/lib/admin/csv-columns";
import { liveResponse } from "@/lib/admin/live-schemas";
import { ordersQuery, ordersResponse } from "@/lib/admin/order-schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

export const adminConcertOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/admin/concerts", tag: "Admin", summary: "List the concerts for the console", access: "admin",
    description: "An addition. Every concert, newest first, with its venue, prices, waiting-room opening and pause, and its dates with seats sold.",
    responses: { 200: { description: "The concerts.", schema: adminConcertListResponse } },
  },
  {
    method: "post", path: "/api/admin/concerts", tag: "Admin", summary: "Create a concert", access: "admin",
    description:
      "A concert in a venue with a price for every grade of the venue (a missing or unknown grade → 422, field prices.<grade>). " +
      "It gets a waiting room with the default settings (capacity 100, 600 a minute, 600 s to shop, 60 s to show up), opening at " +
      "opensAt or at once. It shows in the catalogue once it has a date. Audited as concert.create.",
    body: concertInput,
    responses: { 201: { description: "The concert.", schema: adminConcertResponse } },
  },
  {
    method: "get", path: "/api/admin/concerts/{concertId}", tag: "Admin", summary: "One concert for the console", access: "admin",
    description: "An addition. The concert as GET /api/admin/concerts lists it.",
    pathParams: concertIdParams,
    responses: { 200: { description: "The concert.", schema: adminConcertResponse } },
  },
  {
    method: "patch", path: "/api/admin/concerts/{concertId}", tag: "Admin", summary: "Edit a concert", access: "admin",
    description:
      "An addition. Title, artist, description and prices. A grade's price changes only while no seat of that grade is sold or " +
      "held on any date (409 SEATS_SOLD); the new price reaches the seats of the dates already made. Audited as concert.update.",
    pathParams: concertIdParams,
    body: concertUpdate,
    responses: { 200: { description: "The concert as it is now.", schema: adminConcertResponse } },
    errors: ["SEATS_SOLD"],
  },
  {
    method: "post", path: "/api/admin/concerts/{concertId}/performances", tag: "Admin", summary: "Add a date", access: "admin",
    description:
      "A date of the concert; its seats are made from the venue and the prices. Booking opens before it closes and closes by the " +
      "start, which must lie ahead (422). Audited as performance.create.",
    pathParams: concertIdParams,
    body: performanceInput,
    responses: { 201: { description: "The date.", schema: adminPerformanceResponse } },
  },
  {
    method: "patch", path: "/api/admin/performances/{performanceId}", tag: "Admin", summary: "Move a date or its booking window", access: "admin",
    description:
      "An addition. The start of a date with a seat sold or held cannot move (409 SEATS_SOLD); its booking window can, even to " +
      "close the sale early. Booking opens before it closes and closes by the start (422). Audited as performance.update.",
    pathParams: performanceIdParams,
    body: performanceUpdate,
    responses: { 200: { description: "The date as it is now.", schema: adminPerformanceResponse } },
    errors: ["SEATS_SOLD"],
  },
  {
    method: "get", path: "/api/admin/concerts/{concertId}/live", tag: "Admin", summary: "Live counts of an on-sale", access: "admin",
    description:
      "Exact counts from the database: the line (waiting, admitted, paused, serving counter against the last ticket), seats sold, " +
      "held and available over every date (and per date, an addition), revenue of the seats sold, and per-minute joins, admissions, " +
      "holds, payments and seats sold of the last 60 minutes. Read in one statement at most once a second per process and shared by " +
      "every operator watching; its cost does not grow with the fans waiting.",
    pathParams: concertIdParams,
    responses: { 200: { description: "The live counts.", schema: liveResponse } },
  },
  {
    method: "get", path: "/api/admin/concerts/{concertId}/orders", tag: "Admin", summary: "A concert's orders", access: "admin",
    description:
      "The payments of the concert's seats, newest first, each with the fan's email and its seats (a refunded seat is CANCELLED). " +
      "q (an addition) keeps the orders whose email or a seat label contains it, in any case. Pass nextCursor back as cursor for the " +
      "next page; null means the end.",
    pathParams: concertIdParams,
    query: ordersQuery,
    responses: { 200: { description: "One page of orders.", schema: ordersResponse } },
    errors: ["VALIDATION_FAILED"],
  },
  {
    method: "get", path: "/api/admin/concerts/{concertId}/orders.csv", tag: "Admin", summary: "Every seat sold, as CSV", access: "admin",
    description:
      `text/csv (RFC 4180, UTF-8, CRLF), a header row (${SOLD_SEATS_CSV_HEADER.join(", ")}) and one row per seat sold now, by date ` +
      "and seat. Text cells are quoted; one starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe so a " +
      "spreadsheet never runs it as a formula.",
    pathParams: concertIdParams,
    responses: { 200: { description: "The seats sold.", textMediaType: "text/csv" } },
  },
];
