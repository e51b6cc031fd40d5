import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runFormAction, type FormActionOutcome } from "@/lib/actions/form-action";
import { signInForm, signUpForm } from "@/lib/auth/auth-forms";
import { DEVICE_COOKIE, DEVICE_COOKIE_PATHS } from "@/lib/auth/device-cookie";
import { signInHashBudget, signUpHashBudget } from "@/lib/auth/password-budget";
import { readSession, SESSION_COOKIE } from "@/lib/auth/session";
import { MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { auth } from "@/lib/i18n/ko/auth";
import { createUser, TEST_PASSWORD } from "@/lib/testing/fixtures";

// One hashing slot and no line behind it, so a test that holds the slot sees the next submit shed at once.
vi.hoisted(() => {
  process.env.SIGN_IN_HASH_CONCURRENCY = "1";
  process.env.SIGN_IN_HASH_QUEUE = "0";
  process.env.SIGN_UP_HASH_CONCURRENCY = "1";
  process.env.SIGN_UP_HASH_QUEUE = "0";
  process.env.HASH_MAX_WAIT_MS = "60000";
});

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

function signIn(fields: Record<string, string>, deviceCookie?: string) {
  return runFormAction(signInForm, {
    formData: form(fields),
    sessionCookie: undefined,
    readCookie: (name) => (name === DEVICE_COOKIE ? deviceCookie : undefined),
  });
}

function signUp(fields: Record<string, string>) {
  return runFormAction(signUpForm, { formData: form(fields), sessionCookie: undefined });
}

function cookieOf(outcome: FormActionOutcome<unknown>, name: string) {
  return outcome.cookies.find((cookie) => cookie.name === name);
}

// A failing test must not leave the next one a full budget.
const releaseAfterTest: (() => void)[] = [];
afterEach(() => releaseAfterTest.splice(0).forEach((release) => release()));

/** Holds the budget's one hashing slot until the test ends. */
function occupy(budget: ReturnType<typeof signInHashBudget>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  void budget.enter((hash) => hash(() => released));
  releaseAfterTest.push(release);
}

describe("the sign-in form's server action", () => {
  it("signs in with the JSON route's rules: a session cookie, a device cookie for the sign-in page, and back to `next`", async () => {
    const fan = await createUser(db());
    const outcome = await signIn({ email: fan.email.toUpperCase(), password: TEST_PASSWORD, next: "/concerts/abc?date=2" });
    expect(outcome.state).toMatchObject({ status: "done", formError: null, values: {} });
    expect(outcome.redirectTo).toBe("/concerts/abc?date=2");
    const session = cookieOf(outcome, SESSION_COOKIE)!;
    expect(session.path).toBe("/");
    expect((await readSession(db(), session.value))?.user.id).toBe(fan.id);
    expect(cookieOf(outcome, DEVICE_COOKIE)).toMatchObject({ path: DEVICE_COOKIE_PATHS.signInPage });
  });

  it("sends an operator to the console, and never follows a `next` to another site", async () => {
    const operator = await createUser(db(), { role: "ADMIN" });
    expect((await signIn({ email: operator.email, password: TEST_PASSWORD, next: "/" })).redirectTo).toBe("/admin");
    const fan = await createUser(db());
    for (const next of ["//evil.example/x", "https://evil.example", "/\\evil.example", "/sign-in"]) {
      expect((await signIn({ email: fan.email, password: TEST_PASSWORD, next })).redirectTo).toBe("/");
    }
  });

  it("refuses a wrong password with the form's message, keeps the email but never the password, and sets no cookie", async () => {
    const fan = await createUser(db());
    const outcome = await signIn({ email: fan.email, password: "not the password", next: "/wallet" });
    expect(outcome.state).toMatchObject({ status: "failed", formError: auth.errors.INVALID_CREDENTIALS });
    expect(outcome.state.values).toEqual({ email: fan.email, next: "/wallet" });
    expect(outcome.cookies).toEqual([]);
    expect(outcome.redirectTo).toBeUndefined();
  });

  it("puts a refused field's message beside it, as the route's schema refuses it", async () => {
    const outcome = await signIn({ email: "not an email", password: "" });
    expect(outcome.state.status).toBe("invalid");
    expect(outcome.state.fieldErrors).toEqual({ email: auth.fields.email.invalid, password: auth.fields.password.invalid });
    expect(outcome.state.values).toEqual({ email: "not an email" });
  });

  it("locks out guessing with the route's per-email count, in minutes, and lets the owner's browser through with its device cookie", async () => {
    const fan = await createUser(db());
    const device = cookieOf(await signIn({ email: fan.email, password: TEST_PASSWORD }), DEVICE_COOKIE)!.value;
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      expect((await signIn({ email: fan.email, password: "guess" })).state.formError).toBe(auth.errors.INVALID_CREDENTIALS);
    }
    const guesser = await signIn({ email: fan.email, password: TEST_PASSWORD });
    expect(guesser.state.formError).toBe(auth.errors.RATE_LIMITED(15));
    expect(guesser.cookies).toEqual([]);
    const owner = await signIn({ email: fan.email, password: TEST_PASSWORD }, device);
    expect(owner.state.status).toBe("done");
  });

  it("says how many seconds to wait when the hashing budget sheds it, and counts no attempt", async () => {
    const fan = await createUser(db());
    occupy(signInHashBudget());
    const shed = await signIn({ email: fan.email, password: TEST_PASSWORD });
    expect(shed.state.formError).toMatch(/^지금 접속이 많아요\. [1-9][0-9]*초 뒤에 다시 시도해 주세요\.$/);
    expect(shed.state.values.email).toBe(fan.email);
    expect(shed.cookies).toEqual([]);
    expect(await db().signInThrottle.count({ where: { email: fan.email } })).toBe(0);
  });
});

describe("the sign-up form's server action", () => {
  it("creates the account and signs it in, as the JSON route does", async () => {
    const email = `new-${randomUUID()}@example.test`;
    const outcome = await signUp({ name: "새 팬", email, password: "long enough", next: "/tickets" });
    expect(outcome.state.status).toBe("done");
    expect(outcome.redirectTo).toBe("/tickets");
    const session = await readSession(db(), cookieOf(outcome, SESSION_COOKIE)!.value);
    expect(session?.user).toMatchObject({ email, name: "새 팬", role: "FAN" });
    expect(cookieOf(outcome, DEVICE_COOKIE)?.path).toBe(DEVICE_COOKIE_PATHS.signInPage);
  });

  it("says an email in use beside the email field and keeps what was typed but the password", async () => {
    const fan = await createUser(db());
    const outcome = await signUp({ name: "다른 사람", email: fan.email, password: "long enough" });
    expect(outcome.state).toMatchObject({ status: "invalid", fieldErrors: { email: auth.errors.EMAIL_TAKEN } });
    expect(outcome.state.values).toEqual({ name: "다른 사람", email: fan.email });
  });

  it("refuses a short password and an empty name inline, and creates nothing", async () => {
    const email = `short-${randomUUID()}@example.test`;
    const outcome = await signUp({ name: " ", email, password: "short" });
    expect(outcome.state.fieldErrors).toEqual({ name: auth.fields.name.invalid, password: auth.fields.newPassword.invalid });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("says how many seconds to wait when the sign-up budget sheds it, and creates nothing", async () => {
    occupy(signUpHashBudget());
    const email = `busy-${randomUUID()}@example.test`;
    const shed = await signUp({ name: "바쁜 날", email, password: "long enough" });
    expect(shed.state.formError).toMatch(/^지금 접속이 많아요\. [1-9][0-9]*초 뒤에 다시 시도해 주세요\.$/);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});
