import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import type { HashBudget } from "@/lib/auth/hash-budget";
import { signInHashBudget, signUpHashBudget } from "@/lib/auth/password-budget";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createConcert, createUser, createUsers, sessionCookieFor, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { joinAs } from "@/lib/testing/queue";

// Small budgets, so a full line hashes quickly once released (set before anything reads the configuration).
// The lines are bounded by count here: the slots the tests hold by hand would
// read as very slow hashes to the wait bound (lib/auth/hash-budget.test.ts covers that).
vi.hoisted(() => {
  process.env.SIGN_IN_HASH_QUEUE = "6";
  process.env.SIGN_UP_HASH_QUEUE = "3";
  process.env.HASH_MAX_WAIT_MS = "60000";
});

function signIn(email: string, password: string) {
  return call(signInRoute, testRequest("POST", "/api/auth/sign-in", { body: { email, password } }));
}

function signUp(email: string) {
  return call(signUpRoute, testRequest("POST", "/api/auth/sign-up", { body: { email, password: "long enough", name: "Fan" } }));
}

/**
 * Takes every hashing slot of `budget` with work the test finishes by hand,
 * so what queues behind it stays queued until `release()`.
 */
function occupyAllSlots(budget: HashBudget, slots: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const holders = Array.from({ length: slots }, () => budget.enter((hash) => hash(() => released)));
  releaseAfterTest.push(release);
  return { release: async () => (release(), await Promise.all(holders)) };
}

// A failing test must not leave the next one a full budget.
const releaseAfterTest: (() => void)[] = [];
afterEach(() => releaseAfterTest.splice(0).forEach((release) => release()));

/** Resolves once `count` requests wait for a hashing slot (they passed admission and their database work). */
async function waitUntilQueued(budget: HashBudget, count: number): Promise<void> {
  await vi.waitFor(() => expect(budget.state().waiting).toBe(count), { timeout: 30_000, interval: 10 });
}

async function expectShed(response: Response, message: RegExp): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(response.headers.get("set-cookie")).toBeNull();
  const body = await response.json();
  expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
  expect(body.error.message).toMatch(message);
}

describe("password hashing budget", { timeout: 180_000 }, () => {
  it("sheds sign-ins over the budget with 503 + Retry-After, while health and the queue poll answer with hashes still queued", async () => {
    const budget = signInHashBudget();
    const { SIGN_IN_HASH_CONCURRENCY: slots, SIGN_IN_HASH_QUEUE: queueLimit } = env();
    const fans = await createUsers(db(), queueLimit);
    const { concertId } = await createConcert(db());
    const waiter = await createUser(db());
    const { body: { token } } = await joinAs(await sessionCookieFor(db(), waiter.id), concertId);

    const occupied = occupyAllSlots(budget, slots);
    // A full line behind the busy slots: right and wrong passwords, and unknown emails.
    const kinds = Array.from({ length: queueLimit }, (_, index) => ["right", "wrong", "unknown"][index % 3]!);
    const queued = kinds.map((kind, index) =>
      kind === "right" ? signIn(fans[index]!.email, TEST_PASSWORD)
        : kind === "wrong" ? signIn(fans[index]!.email, "wrong password")
        : signIn(`nobody-${crypto.randomUUID()}@example.test`, "whatever1"),
    );
    await waitUntilQueued(budget, queueLimit);

    const shedEmails = Array.from({ length: 5 }, () => `shed-${crypto.randomUUID()}@example.test`);
    for (const response of await Promise.all(shedEmails.map((email) => signIn(email, "whatever1")))) {
      await expectShed(response, /sign-ins/);
    }
    // Shed before anything was counted against the email.
    expect(await db().signInThrottle.count({ where: { email: { in: shedEmails } } })).toBe(0);

    const health = await call(healthRoute, testRequest("GET", "/api/health", { headers: { "accept-encoding": "gzip" } }));
    const poll = await call(statusRoute, testRequest("GET", "/api/queue/status", { headers: { "x-queue-token": token } }));
    expect(health.status).toBe(200);
    expect(poll.status).toBe(200);
    // Both answered while every queued sign-in still waited for its hash.
    expect(budget.state()).toMatchObject({ running: slots, waiting: queueLimit });

    await occupied.release();
    const statuses = await Promise.all(queued.map(async (response) => (await response).status));
    expect(statuses).toEqual(kinds.map((kind) => (kind === "right" ? 200 : 401)));
    expect(budget.state()).toEqual({ admitted: 0, running: 0, waiting: 0 });
  });

  it("hashes a decoy for an unknown email inside the same budget", async () => {
    const budget = signInHashBudget();
    const occupied = occupyAllSlots(budget, env().SIGN_IN_HASH_CONCURRENCY);
    const unknown = signIn(`nobody-${crypto.randomUUID()}@example.test`, "whatever1");
    // The unknown email waits for a hashing slot like a known one: it hashes, and only within the budget.
    await waitUntilQueued(budget, 1);
    await occupied.release();
    const response = await unknown;
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("INVALID_CREDENTIALS");
  });

  it("sheds sign-ups over their own budget with 503 + Retry-After and creates no account", async () => {
    const budget = signUpHashBudget();
    const { SIGN_UP_HASH_CONCURRENCY: slots, SIGN_UP_HASH_QUEUE: queueLimit } = env();
    const occupied = occupyAllSlots(budget, slots);
    const queuedEmails = Array.from({ length: queueLimit }, () => `queued-${crypto.randomUUID()}@example.test`);
    const queued = queuedEmails.map(signUp);
    await waitUntilQueued(budget, queueLimit);

    const shedEmail = `shed-${crypto.randomUUID()}@example.test`;
    await expectShed(await signUp(shedEmail), /sign-ups/);
    // The sign-in budget is separate: a sign-in still goes through while sign-ups are full.
    const fan = await createUser(db());
    expect((await signIn(fan.email, TEST_PASSWORD)).status).toBe(200);

    await occupied.release();
    expect(await Promise.all(queued.map(async (response) => (await response).status))).toEqual(queuedEmails.map(() => 201));
    expect(await db().user.count({ where: { email: shedEmail } })).toBe(0);
  });
});
