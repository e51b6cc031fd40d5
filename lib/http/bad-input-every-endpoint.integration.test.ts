// Every endpoint gets the hostile inputs of an on-sale: NUL and unpaired
// surrogates in each string field, query parameter and path id; overlong and
// oversized values; bodies that are not JSON or are far too large; methods
// the endpoint does not serve. Each answer is a 4xx in the JSON error body,
// never a 5xx, and nothing is written anywhere in the database.
import { beforeAll, describe, expect, it } from "vitest";
import * as signIn from "@/app/api/auth/sign-in/route";
import * as signOut from "@/app/api/auth/sign-out/route";
import * as signUp from "@/app/api/auth/sign-up/route";
import * as performances from "@/app/api/concerts/[concertId]/performances/route";
import * as joinQueue from "@/app/api/concerts/[concertId]/queue/route";
import * as concert from "@/app/api/concerts/[concertId]/route";
import * as concerts from "@/app/api/concerts/route";
import * as cron from "@/app/api/cron/release-holds/route";
import * as health from "@/app/api/health/route";
import * as me from "@/app/api/me/route";
import * as openApi from "@/app/api/openapi.json/route";
import * as payments from "@/app/api/payments/route";
import * as seats from "@/app/api/performances/[performanceId]/seats/route";
import * as queue from "@/app/api/queue/route";
import * as queueStatus from "@/app/api/queue/status/route";
import * as reservation from "@/app/api/reservations/[reservationId]/route";
import * as reservations from "@/app/api/reservations/route";
import * as charge from "@/app/api/wallet/charge/route";
import * as entries from "@/app/api/wallet/entries/route";
import * as wallet from "@/app/api/wallet/route";
import { db } from "@/lib/db";
import { isMethodRefusal, ROUTE_METHODS } from "@/lib/http/method-not-allowed";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { admitFan } from "@/lib/testing/queue";
import { isSafeText } from "@/lib/validation/safe-text";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<(typeof ROUTE_METHODS)[number], unknown>>;

/** What a well-formed request of an endpoint carries; each probe spoils one part of it. */
type Endpoint = {
  route: RouteModule;
  method: "GET" | "POST" | "DELETE";
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
};

type Probe = { what: string; request: Request; params: Record<string, string> };

/** Never valid in any string field. */
const HOSTILE_TEXT: Record<string, string> = {
  "a NUL": "x\u0000y",
  "an unpaired high surrogate": "x\uD83Dy",
  "an unpaired low surrogate": "\uDE00",
  "10,000 characters": "a".repeat(10_000),
};
/** Never valid as an id in a path or query. */
const HOSTILE_IDS: Record<string, string> = {
  ...HOSTILE_TEXT,
  "a path traversal": "../../etc/passwd",
  "a percent-escape that does not decode": "%ZZ",
  "an empty string": "",
};
const HOSTILE_VALUES: Record<string, unknown> = {
  "a huge number": 1e308,
  "a negative number": -1,
  "a fraction": 1.5,
  "null": null,
  "an object": { $gt: "" },
  "a deep array": [[[[[[["x"]]]]]]],
};

let cookie = "";
let headers: Record<string, string> = {};
let endpoints: Record<string, Endpoint> = {};

/** The URL path of the request; the handler gets the (hostile) params themselves, as Next would pass them decoded. */
function pathOf(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(isSafeText(params[name] ?? "") ? (params[name] ?? "") : "unpaired"));
}

function buildRequest(endpoint: Endpoint, spoil: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; rawBody?: string; method?: string }): Probe {
  const params = spoil.params ?? endpoint.params ?? {};
  const search = new URLSearchParams(spoil.query ?? endpoint.query ?? {}).toString();
  const method = spoil.method ?? endpoint.method;
  const hasBody = method === "POST";
  const request = testRequest(method, `${pathOf(endpoint.path, params)}${search ? `?${search}` : ""}`, {
    cookie,
    headers: { ...headers, "idempotency-key": `fuzz-${Math.random()}` },
    ...(hasBody && spoil.rawBody !== undefined ? { rawBody: spoil.rawBody } : {}),
    ...(hasBody && spoil.rawBody === undefined ? { body: spoil.body ?? endpoint.body ?? {} } : {}),
  });
  return { what: "", request, params };
}

/** Every probe of one endpoint: one spoiled part per request. */
function probesOf(endpoint: Endpoint): Probe[] {
  const probes: Probe[] = [];
  const add = (what: string, spoil: Parameters<typeof buildRequest>[1]) => probes.push({ ...buildRequest(endpoint, spoil), what });
  for (const name of Object.keys(endpoint.params ?? {})) {
    for (const [what, value] of Object.entries(HOSTILE_IDS)) add(`${what} as ${name}`, { params: { ...endpoint.params, [name]: value } });
  }
  for (const name of Object.keys(endpoint.query ?? {})) {
    for (const [what, value] of Object.entries(HOSTILE_IDS)) add(`${what} in ?${name}`, { query: { ...endpoint.query, [name]: value } });
  }
  if (endpoint.body !== undefined) {
    add("malformed JSON", { rawBody: '{"a":' });
    add("a 2 MB body", { rawBody: JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) }) });
    add("a JSON array", { body: [endpoint.body] });
    for (const field of Object.keys(endpoint.body ?? {})) {
      const spoilField = (value: unknown) => ({ body: { ...endpoint.body, [field]: value } });
      for (const [what, value] of Object.entries(HOSTILE_TEXT)) {
        add(`${what} in ${field}`, spoilField(value));
        add(`${what} in an item of ${field}`, spoilField([value]));
      }
      for (const [what, value] of Object.entries(HOSTILE_VALUES)) add(`${what} as ${field}`, spoilField(value));
    }
  }
  for (const method of ROUTE_METHODS) {
    if (isMethodRefusal(endpoint.route[method])) add(`the method ${method}`, { method });
  }
  return probes;
}

/** Rows in every table of the app, in one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts = tables.map(({ table_name }) => `(SELECT count(*)::int FROM "${table_name}") AS "${table_name}"`).join(", ");
  const [row] = await db().$queryRawUnsafe<Record<string, number>[]>(`SELECT ${counts}`);
  return row!;
}

beforeAll(async () => {
  const user = await createUser(db());
  cookie = await sessionCookieFor(db(), user.id);
  const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 2 });
  ({ headers } = await admitFan(db(), { userId: user.id, concertId }));
  const [seat] = await db().seat.findMany({ where: { performanceId: performanceIds[0]! }, select: { id: true }, take: 1 });
  const performanceId = performanceIds[0]!;
  const someId = "7d9f6a3e-1b2c-4d5e-8f90-123456789abc";
  endpoints = {
    "POST /api/auth/sign-up": { route: signUp, method: "POST", path: "/api/auth/sign-up", body: { email: "fuzz@example.test", password: "long enough", name: "fuzz" } },
    "POST /api/auth/sign-in": { route: signIn, method: "POST", path: "/api/auth/sign-in", body: { email: "fuzz@example.test", password: "whatever1" } },
    "POST /api/auth/sign-out": { route: signOut, method: "POST", path: "/api/auth/sign-out" },
    "GET /api/me": { route: me, method: "GET", path: "/api/me" },
    "GET /api/health": { route: health, method: "GET", path: "/api/health" },
    "GET /api/openapi.json": { route: openApi, method: "GET", path: "/api/openapi.json" },
    "GET /api/concerts": { route: concerts, method: "GET", path: "/api/concerts" },
    "GET /api/concerts/{concertId}": { route: concert, method: "GET", path: "/api/concerts/{concertId}", params: { concertId } },
    "GET /api/concerts/{concertId}/performances": { route: performances, method: "GET", path: "/api/concerts/{concertId}/performances", params: { concertId } },
    "POST /api/concerts/{concertId}/queue": { route: joinQueue, method: "POST", path: "/api/concerts/{concertId}/queue", params: { concertId } },
    "GET /api/queue/status": { route: queueStatus, method: "GET", path: "/api/queue/status", query: { concertId } },
    "DELETE /api/queue": { route: queue, method: "DELETE", path: "/api/queue", query: { concertId } },
    "GET /api/performances/{performanceId}/seats": { route: seats, method: "GET", path: "/api/performances/{performanceId}/seats", params: { performanceId } },
    "GET /api/reservations": { route: reservations, method: "GET", path: "/api/reservations" },
    "POST /api/reservations": { route: reservations, method: "POST", path: "/api/reservations", body: { performanceId, seatIds: [seat!.id] } },
    "DELETE /api/reservations/{reservationId}": { route: reservation, method: "DELETE", path: "/api/reservations/{reservationId}", params: { reservationId: someId } },
    "GET /api/wallet": { route: wallet, method: "GET", path: "/api/wallet" },
    "POST /api/wallet/charge": { route: charge, method: "POST", path: "/api/wallet/charge", body: { amount: 1_000 } },
    "GET /api/wallet/entries": { route: entries, method: "GET", path: "/api/wallet/entries", query: { cursor: "1", limit: "5" } },
    "POST /api/payments": { route: payments, method: "POST", path: "/api/payments", body: { reservationIds: [someId] } },
    "GET /api/cron/release-holds": { route: cron, method: "GET", path: "/api/cron/release-holds" },
  };
});

const ENDPOINT_NAMES = [
  "POST /api/auth/sign-up", "POST /api/auth/sign-in", "POST /api/auth/sign-out", "GET /api/me", "GET /api/health",
  "GET /api/openapi.json", "GET /api/concerts", "GET /api/concerts/{concertId}", "GET /api/concerts/{concertId}/performances",
  "POST /api/concerts/{concertId}/queue", "GET /api/queue/status", "DELETE /api/queue", "GET /api/performances/{performanceId}/seats",
  "GET /api/reservations", "POST /api/reservations", "DELETE /api/reservations/{reservationId}", "GET /api/wallet",
  "POST /api/wallet/charge", "GET /api/wallet/entries", "POST /api/payments", "GET /api/cron/release-holds",
];

describe.each(ENDPOINT_NAMES)("%s with hostile input", (name) => {
  it("answers every probe without a 5xx, in JSON, writing nothing", async () => {
    const endpoint = endpoints[name]!;
    const probes = probesOf(endpoint);
    expect(probes.length).toBeGreaterThan(0);
    const before = await rowCounts();
    for (const probe of probes) {
      const method = probe.request.method as (typeof ROUTE_METHODS)[number];
      const response = await call(endpoint.route[method] as Handler, probe.request, probe.params);
      expect(response.status, `${name}: ${probe.what}`).toBeLessThan(500);
      if (!response.ok) {
        expect(response.headers.get("content-type"), `${name}: ${probe.what}`).toContain("application/json");
        const body = await response.json();
        expect(body.error, `${name}: ${probe.what}`).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      }
    }
    expect(await rowCounts()).toEqual(before);
  });
});
