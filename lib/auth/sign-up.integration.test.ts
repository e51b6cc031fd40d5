import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { db } from "@/lib/db";
import { call, testRequest } from "@/lib/testing/http";

function signUp(body: unknown) {
  return call(signUpRoute, testRequest("POST", "/api/auth/sign-up", { body }));
}

describe("POST /api/auth/sign-up", () => {
  it("creates the account with a scrypt hash and answers 201 with the user and a session cookie", async () => {
    const response = await signUp({ email: "  Haneul@Example.TEST ", password: "12345678", name: "  하늘 " });
    expect(response.status).toBe(201);
    const { user } = await response.json();
    expect(user).toEqual({ id: expect.any(String), email: "haneul@example.test", name: "하늘", role: "FAN" });
    expect(response.headers.get("set-cookie")).toMatch(/^encore_session=.+; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly/);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("12345678");
  });

  it("answers 409 EMAIL_TAKEN for an email already used, in any letter case, and keeps the first account", async () => {
    expect((await signUp({ email: "taken@example.test", password: "long enough", name: "첫 번째" })).status).toBe(201);
    for (const email of ["taken@example.test", "TAKEN@EXAMPLE.TEST", "Taken@Example.Test"]) {
      const response = await signUp({ email, password: "another password", name: "두 번째" });
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe("EMAIL_TAKEN");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    const accounts = await db().user.findMany({ where: { email: "taken@example.test" }, select: { name: true } });
    expect(accounts).toEqual([{ name: "첫 번째" }]);
  });

  it("answers 422 for a password shorter than 8 characters, naming the field", async () => {
    const response = await signUp({ email: "short@example.test", password: "1234567", name: "짧은 비번" });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.details.fields)).toEqual(["password"]);
    expect(await db().user.count({ where: { email: "short@example.test" } })).toBe(0);
  });

  it("gives exactly one 201 when 10 sign-ups with the same email race", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        signUp({ email: index % 2 ? "race@example.test" : "RACE@example.test", password: `password-${index}`, name: `경쟁 ${index}` }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const response of responses.filter((candidate) => candidate.status === 409)) {
      expect((await response.json()).error.code).toBe("EMAIL_TAKEN");
    }
    expect(await db().user.count({ where: { email: "race@example.test" } })).toBe(1);
    const [winner] = await db().user.findMany({ where: { email: "race@example.test" }, select: { id: true } });
    expect(await db().session.count({ where: { userId: winner!.id } })).toBe(1);
  });
});
