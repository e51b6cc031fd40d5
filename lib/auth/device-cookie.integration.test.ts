import { describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { POST as signUpRoute } from "@/app/api/auth/sign-up/route";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { MAX_FAILED_DEVICE_SIGN_INS, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

function signIn(email: string, password: string, deviceCookie?: string) {
  return call(signInRoute, testRequest("POST", "/api/auth/sign-in", {
    body: { email, password },
    cookie: deviceCookie === undefined ? undefined : `${DEVICE_COOKIE}=${encodeURIComponent(deviceCookie)}`,
  }));
}

/** The device cookie's value a response set (it sets the session cookie too). */
function deviceCookieOf(response: Response): string {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
  if (!header) throw new Error("no device cookie set");
  return decodeURIComponent(header.split(";", 1)[0]!.slice(DEVICE_COOKIE.length + 1));
}

/** A fan who signed in once from their browser (keeping its device cookie), then was locked out by someone else. */
async function lockedOutOwner() {
  const fan = await createUser(db());
  const first = await signIn(fan.email, TEST_PASSWORD);
  expect(first.status).toBe(200);
  const device = deviceCookieOf(first);
  for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
    expect((await signIn(fan.email, "attacker guess")).status).toBe(401);
  }
  const attacker = await signIn(fan.email, "attacker guess");
  expect(attacker.status).toBe(429);
  return { fan, device };
}

/** Changes one character in the middle of `text` (another base64url character). */
function alterAt(text: string, index: number): string {
  return text.slice(0, index) + (text[index] === "A" ? "B" : "A") + text.slice(index + 1);
}

describe("device cookie", () => {
  it("sets an HttpOnly device cookie, sent only to sign-in, on a successful sign-in", async () => {
    const fan = await createUser(db());
    const response = await signIn(fan.email, TEST_PASSWORD);
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
    expect(header).toMatch(/; Path=\/api\/auth\/sign-in; /);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect((await signIn(fan.email, "wrong password")).headers.get("set-cookie")).toBeNull();
  });

  it("lets the owner's browser through a lock-out caused by someone else, while others still get 429", async () => {
    const { fan, device } = await lockedOutOwner();

    const owner = await signIn(fan.email, TEST_PASSWORD, device);
    expect(owner.status).toBe(200);
    expect((await owner.json()).user.id).toBe(fan.id);
    expect(deviceCookieOf(owner)).not.toBe(device);
    // The lock-out for untrusted clients stays (the contract's 429).
    const stranger = await signIn(fan.email, TEST_PASSWORD);
    expect(stranger.status).toBe(429);
    expect((await stranger.json()).error.code).toBe("RATE_LIMITED");
    expect(Number(stranger.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("gives the browser that signs up a device cookie that gets it through a later lock-out", async () => {
    const email = `new-${crypto.randomUUID()}@example.test`;
    const signUp = await call(signUpRoute, testRequest("POST", "/api/auth/sign-up", { body: { email, password: TEST_PASSWORD, name: "Fan" } }));
    expect(signUp.status).toBe(201);
    const device = deviceCookieOf(signUp);
    for (let attempt = 0; attempt <= MAX_FAILED_SIGN_INS; attempt++) await signIn(email, "attacker guess");
    expect((await signIn(email, TEST_PASSWORD)).status).toBe(429);
    expect((await signIn(email, TEST_PASSWORD, device)).status).toBe(200);
  });

  it("refuses a forged or altered device cookie: 429 during the lock-out", async () => {
    const { fan, device } = await lockedOutOwner();
    const [userId, deviceId, signature] = device.split(".") as [string, string, string];
    const forgeries = [
      alterAt(device, device.length - 5), // signature altered
      `${userId}.${alterAt(deviceId, 3)}.${signature}`, // device id altered
      `${userId}.${deviceId}.${signature}x`, // extra text
      `${userId}.${deviceId}.${signature}=`, // base64 padding: decodes the same, not the same text
      `${userId}.${deviceId}.${"A".repeat(signature.length)}`,
      `${userId}.${deviceId}`,
      "",
    ];
    for (const forged of forgeries) {
      const response = await signIn(fan.email, TEST_PASSWORD, forged);
      expect(response.status, forged).toBe(429);
    }
    expect((await signIn(fan.email, TEST_PASSWORD, device)).status).toBe(200);
  });

  it("does not accept another account's device cookie", async () => {
    const { fan } = await lockedOutOwner();
    const other = await createUser(db());
    const otherDevice = deviceCookieOf(await signIn(other.email, TEST_PASSWORD));
    const [, otherDeviceId, otherSignature] = otherDevice.split(".");

    expect((await signIn(fan.email, TEST_PASSWORD, otherDevice)).status).toBe(429);
    // The other account's device id and signature under this account's id do not pass either.
    expect((await signIn(fan.email, TEST_PASSWORD, `${fan.id}.${otherDeviceId}.${otherSignature}`)).status).toBe(429);
  });

  it("gives a trusted device its own small limit, then treats it as untrusted", async () => {
    const { fan, device } = await lockedOutOwner();
    const attempts = [];
    for (let attempt = 0; attempt < MAX_FAILED_DEVICE_SIGN_INS; attempt++) attempts.push((await signIn(fan.email, "typo", device)).status);
    expect(attempts).toEqual(Array(MAX_FAILED_DEVICE_SIGN_INS).fill(401));
    // The device's tries are used up: it falls back to the email's count, which is locked.
    expect((await signIn(fan.email, TEST_PASSWORD, device)).status).toBe(429);
  });

  it("counts a trusted device's failures apart from the email's, and its success leaves the email's lock-out alone", async () => {
    const fan = await createUser(db());
    const device = deviceCookieOf(await signIn(fan.email, TEST_PASSWORD));
    for (let attempt = 0; attempt < MAX_FAILED_DEVICE_SIGN_INS - 1; attempt++) await signIn(fan.email, "typo", device);
    expect(await db().signInThrottle.count({ where: { email: fan.email } })).toBe(0);

    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) await signIn(fan.email, "attacker guess");
    expect((await signIn(fan.email, TEST_PASSWORD, device)).status).toBe(200);
    expect((await signIn(fan.email, TEST_PASSWORD)).status).toBe(429);
  });
});
