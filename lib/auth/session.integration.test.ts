import { sealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { GET as meRoute } from "@/app/api/me/route";
import { readSession, SESSION_COOKIE } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createPrismaClient, sqlPoolOf } from "@/lib/db/client";
import { preparedQuery } from "@/lib/db/prepared-query";
import { createUser, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { recordDatabaseStatements } from "@/lib/testing/queue";

const recorded = recordDatabaseStatements();
const SESSION_LOOKUP = /FROM sessions s JOIN users u/;

const me = (cookie?: string) => call(meRoute, testRequest("GET", "/api/me", { cookie }));

function cookieValue(cookie: string): string {
  return decodeURIComponent(cookie.slice(`${SESSION_COOKIE}=`.length));
}

describe("sessions", () => {
  it("refuses the old cookie after sign-out, but other sessions of the same fan keep working", async () => {
    const fan = await createUser(db());
    const laptop = await sessionCookieFor(db(), fan.id);
    const phone = await sessionCookieFor(db(), fan.id);
    expect((await me(laptop)).status).toBe(200);

    const signOut = await call(signOutRoute, testRequest("POST", "/api/auth/sign-out", { cookie: laptop }));
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get("set-cookie")).toMatch(/^encore_session=; .*Max-Age=0/);
    expect((await me(laptop)).status).toBe(401);
    expect((await call(signOutRoute, testRequest("POST", "/api/auth/sign-out", { cookie: laptop }))).status).toBe(401);
    expect((await me(phone)).status).toBe(200);
  });

  it("refuses a tampered cookie", async () => {
    const fan = await createUser(db());
    const value = cookieValue(await sessionCookieFor(db(), fan.id));
    const flipped = value.slice(0, 20) + (value[20] === "A" ? "B" : "A") + value.slice(21);
    const response = await me(`${SESSION_COOKIE}=${encodeURIComponent(flipped)}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a cookie sealed with another secret, even for a real session id", async () => {
    const fan = await createUser(db());
    await sessionCookieFor(db(), fan.id);
    const session = await db().session.findFirstOrThrow({ where: { userId: fan.id }, select: { id: true } });
    const forged = await sealData({ sid: session.id }, { password: "another-secret-that-is-32-chars-long!!" });
    expect((await me(`${SESSION_COOKIE}=${encodeURIComponent(forged)}`)).status).toBe(401);
  });

  it("refuses a session whose row has expired", async () => {
    const fan = await createUser(db());
    const cookie = await sessionCookieFor(db(), fan.id);
    await db().session.updateMany({ where: { userId: fan.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(cookie)).status).toBe(401);
  });

  it("refuses the session of a deleted account", async () => {
    const fan = await createUser(db());
    const cookie = await sessionCookieFor(db(), fan.id);
    await db().user.delete({ where: { id: fan.id } });
    expect((await me(cookie)).status).toBe(401);
  });

  it("answers many concurrent session checks with few statements, each with its own fan", async () => {
    const fans = await Promise.all(Array.from({ length: 60 }, () => createUser(db())));
    const cookies = await Promise.all(fans.map((fan) => sessionCookieFor(db(), fan.id)));
    const endedFan = await createUser(db());
    const endedCookie = await sessionCookieFor(db(), endedFan.id);
    await db().session.updateMany({ where: { userId: endedFan.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const lookupsBefore = recorded.statements.filter((text) => SESSION_LOOKUP.test(text)).length;

    const responses = await Promise.all([...cookies, endedCookie, ...cookies].map((cookie) => me(cookie)));

    const bodies = await Promise.all(responses.map(async (response) => ({ status: response.status, id: (await response.json()).user?.id })));
    const expected = [...fans.map((fan) => ({ status: 200, id: fan.id })), { status: 401, id: undefined }, ...fans.map((fan) => ({ status: 200, id: fan.id }))];
    expect(bodies).toEqual(expected);
    const lookups = recorded.statements.filter((text) => SESSION_LOOKUP.test(text)).length - lookupsBefore;
    expect(lookups).toBeGreaterThan(0);
    expect(lookups).toBeLessThan(responses.length / 4);
  });

  it("keeps one plan for the session lookup instead of planning it on every request", async () => {
    // One connection, so every lookup runs the same prepared statement (docs/decisions/170).
    const oneConnection = createPrismaClient({ connectionString: process.env.DATABASE_URL!, poolSize: 1 });
    try {
      // Tables the size of an on-sale's, analysed: on a few rows every plan costs about the same.
      const others = await createUsers(db(), 2_000);
      await db().$executeRaw`
        INSERT INTO sessions (id, user_id, expires_at)
        SELECT md5(u.id::text) || md5(random()::text), u.id, now() + interval '1 day' FROM unnest(${others.map((fan) => fan.id)}::uuid[]) AS u(id)`;
      await db().$executeRaw`ANALYZE sessions, users`;
      const fans = await Promise.all(Array.from({ length: 8 }, () => createUser(db())));
      for (const fan of fans) {
        const session = await readSession(oneConnection, cookieValue(await sessionCookieFor(db(), fan.id)));
        expect(session?.user.id).toBe(fan.id);
      }
      const [plans] = await preparedQuery<{ custom_plans: bigint; generic_plans: bigint }>(oneConnection)`
        SELECT custom_plans, generic_plans FROM pg_prepared_statements
        WHERE statement LIKE '%FROM sessions s JOIN users u%' AND statement NOT LIKE '%pg_prepared_statements%'`;
      // PostgreSQL makes five custom plans before it compares them with the generic one.
      expect(plans).toEqual({ custom_plans: 5n, generic_plans: 3n });
    } finally {
      // Only its pool was used (Prisma never connected), so the pool is what to close.
      await sqlPoolOf(oneConnection).end();
    }
  });
});

