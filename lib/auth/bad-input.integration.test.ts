// Every endpoint of the foundation gets each kind of bad input: malformed
// JSON, wrong types, missing fields, overlong strings, unknown and malformed
// ids, forged cookies and foreign origins. Each answer is the right 4xx JSON
// error, never a 500, and nothing is written.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { GET as concertRoute } from "@/app/api/concerts/[concertId]/route";
import { GET as concertsRoute } from "@/app/api/concerts/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as meRoute } from "@/app/api/me/route";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest, type TestRequestOptions } from "@/lib/testing/http";

const LONG = "a".repeat(10_000);
const LONG_EMAIL = `${LONG}@example.test`;
const FOREIGN = "https://evil.example";

let cookie = "";
let concertId = "";

type Case = {
  what: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  /** Fields that details.fields must name (422 only). */
  fields?: string[];
};

const post = (handler: typeof signUpRoute, path: string, options: TestRequestOptions) => call(handler, testRequest("POST", path, options));
const signUp = (options: TestRequestOptions) => post(signUpRoute, "/api/auth/sign-up", options);
const signIn = (options: TestRequestOptions) => post(signInRoute, "/api/auth/sign-in", options);
const goodSignUp = { email: "new-fan@example.test", password: "long enough", name: "새 팬" };

const CASES: Record<string, Case[]> = {
  "POST /api/auth/sign-up": [
    { what: "malformed JSON", send: () => signUp({ rawBody: '{"email":' }), status: 400, code: "MALFORMED_JSON" },
    { what: "an empty body", send: () => signUp({ rawBody: "" }), status: 400, code: "MALFORMED_JSON" },
    { what: "a JSON array", send: () => signUp({ body: [goodSignUp] }), status: 422, code: "VALIDATION_FAILED" },
    { what: "JSON null", send: () => signUp({ body: null }), status: 422, code: "VALIDATION_FAILED" },
    { what: "wrong types", send: () => signUp({ body: { email: 1, password: true, name: ["x"] } }), status: 422, code: "VALIDATION_FAILED", fields: ["email", "password", "name"] },
    { what: "missing fields", send: () => signUp({ body: {} }), status: 422, code: "VALIDATION_FAILED", fields: ["email", "password", "name"] },
    { what: "a 10k-character email", send: () => signUp({ body: { ...goodSignUp, email: LONG_EMAIL } }), status: 422, code: "VALIDATION_FAILED", fields: ["email"] },
    { what: "a 10k-character name", send: () => signUp({ body: { ...goodSignUp, name: LONG } }), status: 422, code: "VALIDATION_FAILED", fields: ["name"] },
    { what: "a 10k-character password", send: () => signUp({ body: { ...goodSignUp, password: LONG } }), status: 422, code: "VALIDATION_FAILED", fields: ["password"] },
    { what: "a body over 64 KiB", send: () => signUp({ body: { ...goodSignUp, padding: "x".repeat(70_000) } }), status: 413, code: "PAYLOAD_TOO_LARGE" },
    { what: "a NUL in the name", send: () => signUp({ body: { ...goodSignUp, name: "x\u0000y" } }), status: 422, code: "VALIDATION_FAILED", fields: ["name"] },
    { what: "a lone surrogate in the name", send: () => signUp({ body: { ...goodSignUp, name: "x\uD83Dy" } }), status: 422, code: "VALIDATION_FAILED", fields: ["name"] },
    { what: "a NUL in the email", send: () => signUp({ body: { ...goodSignUp, email: "fan\u0000@example.test" } }), status: 422, code: "VALIDATION_FAILED", fields: ["email"] },
    { what: "a NUL in the password", send: () => signUp({ body: { ...goodSignUp, password: "long\u0000enough" } }), status: 422, code: "VALIDATION_FAILED", fields: ["password"] },
    { what: "an invalid email", send: () => signUp({ body: { ...goodSignUp, email: "not an email" } }), status: 422, code: "VALIDATION_FAILED", fields: ["email"] },
    { what: "a blank name", send: () => signUp({ body: { ...goodSignUp, name: "   " } }), status: 422, code: "VALIDATION_FAILED", fields: ["name"] },
    { what: "a foreign Origin", send: () => signUp({ body: goodSignUp, origin: FOREIGN }), status: 403, code: "FORBIDDEN_ORIGIN" },
  ],
  "POST /api/auth/sign-in": [
    { what: "malformed JSON", send: () => signIn({ rawBody: "{nope" }), status: 400, code: "MALFORMED_JSON" },
    { what: "wrong types", send: () => signIn({ body: { email: {}, password: 12345678 } }), status: 422, code: "VALIDATION_FAILED", fields: ["email", "password"] },
    { what: "missing fields", send: () => signIn({ body: { email: "fan@example.test" } }), status: 422, code: "VALIDATION_FAILED", fields: ["password"] },
    { what: "a 10k-character email", send: () => signIn({ body: { email: LONG_EMAIL, password: "whatever1" } }), status: 422, code: "VALIDATION_FAILED", fields: ["email"] },
    { what: "a 10k-character password", send: () => signIn({ body: { email: "fan@example.test", password: LONG } }), status: 422, code: "VALIDATION_FAILED", fields: ["password"] },
    { what: "a NUL in the email", send: () => signIn({ body: { email: "fan\u0000@example.test", password: "whatever1" } }), status: 422, code: "VALIDATION_FAILED", fields: ["email"] },
    { what: "a lone surrogate in the password", send: () => signIn({ body: { email: "fan@example.test", password: "what\uDE00ever" } }), status: 422, code: "VALIDATION_FAILED", fields: ["password"] },
    { what: "a foreign Origin", send: () => signIn({ body: { email: "fan@example.test", password: "whatever1" }, origin: FOREIGN }), status: 403, code: "FORBIDDEN_ORIGIN" },
  ],
  "POST /api/auth/sign-out": [
    { what: "no session cookie", send: () => post(signOutRoute, "/api/auth/sign-out", {}), status: 401, code: "UNAUTHENTICATED" },
    { what: "a forged session cookie", send: () => post(signOutRoute, "/api/auth/sign-out", { cookie: `${SESSION_COOKIE}=Fe26.2**forged` }), status: 401, code: "UNAUTHENTICATED" },
    { what: "a foreign Origin (the session survives)", send: () => post(signOutRoute, "/api/auth/sign-out", { cookie, origin: FOREIGN }), status: 403, code: "FORBIDDEN_ORIGIN" },
  ],
  "GET /api/me": [
    { what: "no session cookie", send: () => call(meRoute, testRequest("GET", "/api/me")), status: 401, code: "UNAUTHENTICATED" },
    { what: "a garbage cookie", send: () => call(meRoute, testRequest("GET", "/api/me", { cookie: `${SESSION_COOKIE}=%%%` })), status: 401, code: "UNAUTHENTICATED" },
    { what: "a 10k-character cookie", send: () => call(meRoute, testRequest("GET", "/api/me", { cookie: `${SESSION_COOKIE}=${LONG}` })), status: 401, code: "UNAUTHENTICATED" },
  ],
  "GET /api/concerts/{concertId}": [
    { what: "an unknown id", send: () => fetchConcert("7d9f6a3e-1b2c-4d5e-8f90-123456789abc"), status: 404, code: "NOT_FOUND" },
    { what: "a malformed id", send: () => fetchConcert("concert-1"), status: 404, code: "NOT_FOUND" },
    { what: "a path-traversal id", send: () => fetchConcert("../../etc/passwd"), status: 404, code: "NOT_FOUND" },
    { what: "a 10k-character id", send: () => fetchConcert(LONG), status: 404, code: "NOT_FOUND" },
    { what: "an empty id", send: () => fetchConcert(""), status: 404, code: "NOT_FOUND" },
  ],
};

function fetchConcert(id: string) {
  return call(concertRoute, testRequest("GET", `/api/concerts/${encodeURIComponent(id)}`), { concertId: id });
}

async function rowCounts() {
  const [row] = await db().$queryRaw<{ users: bigint; sessions: bigint; throttles: bigint }[]>`
    SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM sessions) AS sessions,
           (SELECT count(*) FROM sign_in_throttles) AS throttles`;
  return row;
}

beforeAll(async () => {
  const user = await createUser(db());
  cookie = await sessionCookieFor(db(), user.id);
  ({ concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 }));
});

describe.each(Object.entries(CASES))("%s", (_endpoint, cases) => {
  it.each(cases)("answers $what with $status $code and writes nothing", async ({ send, status, code, fields }) => {
    const before = await rowCounts();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body).toEqual({ error: { code, message: expect.any(String), ...(body.error.details ? { details: expect.anything() } : {}) } });
    if (fields) expect(Object.keys(body.error.details.fields).sort()).toEqual([...fields].sort());
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await rowCounts()).toEqual(before);
  });
});

describe("what is not bad input", () => {
  it("keeps the session after a refused foreign-origin sign-out", async () => {
    await post(signOutRoute, "/api/auth/sign-out", { cookie, origin: FOREIGN });
    expect((await call(meRoute, testRequest("GET", "/api/me", { cookie }))).status).toBe(200);
  });

  it("serves the public GET endpoints to any origin and ignores unknown query parameters", async () => {
    const headers = { origin: FOREIGN };
    const list = await call(concertsRoute, testRequest("GET", `/api/concerts?page=-1&sort=${LONG}`, { headers }));
    expect(list.status).toBe(200);
    expect((await list.json()).concerts).toHaveLength(1);
    const health = await call(healthRoute, testRequest("GET", "/api/health?verbose=%%", { headers }));
    expect(health.status).toBe(200);
    const upperCaseId = await fetchConcert(concertId.toUpperCase());
    expect(upperCaseId.status).toBe(200);
    expect((await upperCaseId.json()).concert.id).toBe(concertId);
  });
});
