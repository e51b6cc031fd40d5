import { describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

function signIn(email: string, password: string, clientAddress = "203.0.113.7") {
  return call(signInRoute, testRequest("POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: { "x-forwarded-for": clientAddress },
  }));
}

describe("sign-in rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After after 10 failures for one email, even with the right password", async () => {
    const fan = await createUser(db());
    const failures = await Promise.all(Array.from({ length: MAX_FAILED_SIGN_INS }, () => signIn(fan.email, "wrong password")));
    expect(failures.map((response) => response.status)).toEqual(Array(MAX_FAILED_SIGN_INS).fill(401));
    for (const response of failures) expect((await response.json()).error.code).toBe("INVALID_CREDENTIALS");

    const blocked = await signIn(fan.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);
    expect(blocked.headers.get("set-cookie")).toBeNull();
    expect(await db().session.count({ where: { userId: fan.id } })).toBe(0);
  });

  it("lets no more than 10 guesses through when 30 arrive at the same instant", async () => {
    const fan = await createUser(db());
    const burst = await Promise.all(Array.from({ length: 30 }, () => signIn(fan.email, "wrong password")));
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - MAX_FAILED_SIGN_INS);
  });

  it("counts per email: the same email differently cased is blocked too, another email is not", async () => {
    const blockedFan = await createUser(db(), { email: "blocked@example.test" });
    const otherFan = await createUser(db(), { email: "other@example.test" });
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) await signIn(blockedFan.email, "wrong password");

    expect((await signIn("BLOCKED@Example.test", TEST_PASSWORD)).status).toBe(429);
    // Same client address, different email: unaffected.
    const other = await signIn(otherFan.email, TEST_PASSWORD);
    expect(other.status).toBe(200);
    expect((await other.json()).user.email).toBe("other@example.test");
  });

  it("never limits by client address alone: many fans behind one address all sign in", async () => {
    const sharedAddress = "198.51.100.1";
    const fans = await Promise.all(Array.from({ length: MAX_FAILED_SIGN_INS + 1 }, (_, index) => createUser(db(), { email: `campus-${index}@example.test` })));
    // Every fan mistypes once first, so the shared address alone sees more failures than the limit.
    for (const fan of fans) expect((await signIn(fan.email, "typo", sharedAddress)).status).toBe(401);
    const results = await Promise.all(fans.map((fan) => signIn(fan.email, TEST_PASSWORD, sharedAddress)));
    expect(results.map((response) => response.status)).toEqual(Array(fans.length).fill(200));
  });

  it("starts a fresh window once the old one has passed, and a successful sign-in clears the count", async () => {
    const fan = await createUser(db());
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) await signIn(fan.email, "wrong password");
    expect((await signIn(fan.email, TEST_PASSWORD)).status).toBe(429);

    await db().$executeRaw`
      UPDATE sign_in_throttles SET window_started_at = now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS + 1})
      WHERE email = ${fan.email}`;
    expect((await signIn(fan.email, TEST_PASSWORD)).status).toBe(200);
    expect(await db().signInThrottle.count({ where: { email: fan.email } })).toBe(0);
  });

  it("answers an unknown email like a wrong password, and limits it the same way", async () => {
    const email = "nobody@example.test";
    const first = await signIn(email, "whatever1");
    expect(first.status).toBe(401);
    expect((await first.json()).error.code).toBe("INVALID_CREDENTIALS");
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) await signIn(email, "whatever1");
    expect((await signIn(email, "whatever1")).status).toBe(429);
  });
});
