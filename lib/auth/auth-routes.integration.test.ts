import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/auth/sign-out/route";
import { GET as meRoute } from "@/app/api/me/route";
import { db } from "@/lib/db";
import { call, cookieFrom, testRequest } from "@/lib/testing/http";

describe("sign-up, sign-in, sign-out", () => {
  it("signs a fan up, keeps them signed in, and ends the session on sign-out", async () => {
    const signUp = await call(signUpRoute, testRequest("POST", "/api/auth/sign-up", {
      body: { email: "Mina@Example.test", password: "long enough", name: "민아" },
    }));
    expect(signUp.status).toBe(201);
    const { user } = await signUp.json();
    expect(user).toMatchObject({ email: "mina@example.test", name: "민아" });
    expect(user).not.toHaveProperty("passwordHash");
    const cookie = cookieFrom(signUp);
    expect(signUp.headers.get("set-cookie")).toMatch(/HttpOnly/);

    const me = await call(meRoute, testRequest("GET", "/api/me", { cookie }));
    expect(me.status).toBe(200);
    expect((await me.json()).user.id).toBe(user.id);

    const signOut = await call(signOutRoute, testRequest("POST", "/api/auth/sign-out", { cookie }));
    expect(signOut.status).toBe(204);
    const after = await call(meRoute, testRequest("GET", "/api/me", { cookie }));
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("UNAUTHENTICATED");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);

    const signIn = await call(signInRoute, testRequest("POST", "/api/auth/sign-in", {
      body: { email: "mina@example.test", password: "long enough" },
    }));
    expect(signIn.status).toBe(200);
    const meAgain = await call(meRoute, testRequest("GET", "/api/me", { cookie: cookieFrom(signIn) }));
    expect(meAgain.status).toBe(200);
  });
});
