import { auth } from "../lib/i18n/ko/auth.ts";
import { common } from "../lib/i18n/ko/common.ts";
import { expect, expectNoSeriousA11yViolations, test, uniqueEmail } from "./fixtures.ts";

const PASSWORD = "e2e-password-1234";

test.describe("accounts", () => {
  test("a fan signs up with the form, signs out, and signs in again with the form", async ({ page }) => {
    const fan = { name: "김테스트", email: uniqueEmail("signup"), password: PASSWORD };

    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { level: 1, name: auth.signUp.title })).toBeVisible();
    await page.getByLabel(auth.fields.name.label).fill(fan.name);
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.newPassword.label, { exact: true }).fill(fan.password);
    await page.getByRole("button", { name: auth.signUp.submit }).click();

    const header = page.getByRole("banner");
    await expect(header.getByText(common.nav.signedInAs(fan.name))).toBeVisible();
    await header.getByRole("button", { name: common.nav.signOut }).click();
    await expect(header.getByRole("link", { name: common.nav.signIn })).toBeVisible();
    // The session really ended on the server, not only in the header.
    expect((await page.request.get("/api/me")).status()).toBe(401);

    await header.getByRole("link", { name: common.nav.signIn }).click();
    await expect(page.getByRole("heading", { level: 1, name: auth.signIn.title })).toBeVisible();
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.password.label, { exact: true }).fill(fan.password);
    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await expect(header.getByText(common.nav.signedInAs(fan.name))).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });

  test("a wrong password is refused with a message, and the fan stays signed out", async ({ page, signUpFan }) => {
    const fan = await signUpFan();
    await page.request.post("/api/auth/sign-out");

    await page.goto("/sign-in");
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.password.label, { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: auth.signIn.submit }).click();

    await expect(page.getByText(auth.errors.INVALID_CREDENTIALS)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("a busy server's 503 says how many seconds to wait, and the retry goes through with what the fan typed", async ({ page, signUpFan }) => {
    const fan = await signUpFan();
    await page.request.post("/api/auth/sign-out");
    // The hashing budget sheds sign-ins beyond what the process can hash (docs/decisions/076); the first attempt meets that.
    let shed = 0;
    const busyBody = { error: { code: "SERVICE_UNAVAILABLE", message: "Too many sign-ins right now. Please retry in a moment." } };
    for (const path of ["/api/auth/sign-in", "/api/auth/sign-up"]) {
      await page.route(path, async (route) => {
        if (shed >= 2) return route.continue();
        shed += 1;
        await route.fulfill({ status: 503, headers: { "retry-after": "7" }, contentType: "application/json", body: JSON.stringify(busyBody) });
      });
    }

    await page.goto("/sign-up");
    await page.getByLabel(auth.fields.name.label).fill("바쁜 날");
    await page.getByLabel(auth.fields.email.label).fill(uniqueEmail("busy"));
    await page.getByLabel(auth.fields.newPassword.label, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: auth.signUp.submit }).click();
    await expect(page.getByText(auth.errors.SERVICE_UNAVAILABLE(7))).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.password.label, { exact: true }).fill(fan.password);
    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await expect(page.getByText(auth.errors.SERVICE_UNAVAILABLE(7))).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expect(page.getByLabel(auth.fields.email.label)).toHaveValue(fan.email);
    await expect(page.getByLabel(auth.fields.password.label, { exact: true })).toHaveValue(fan.password);

    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await expect(page.getByRole("banner").getByText(common.nav.signedInAs(fan.name))).toBeVisible();
    expect(shed).toBe(2);
  });

  test("signing up with an email already in use says so", async ({ page, signUpFan }) => {
    const fan = await signUpFan();
    await page.request.post("/api/auth/sign-out");

    await page.goto("/sign-up");
    await page.getByLabel(auth.fields.name.label).fill("다른 사람");
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.newPassword.label, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: auth.signUp.submit }).click();

    await expect(page.getByText(auth.errors.EMAIL_TAKEN)).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("the fixture's API sign-in gives the browser a session", async ({ page, signUpFan, signInAs }) => {
    const fan = await signUpFan({ name: "API 팬" });
    await page.request.post("/api/auth/sign-out");
    await signInAs(fan.email, fan.password);

    await page.goto("/");
    await expect(page.getByRole("banner").getByText(common.nav.signedInAs("API 팬"))).toBeVisible();
  });

  test("the sign-in and sign-up pages have no serious accessibility problems", async ({ page }) => {
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });
});
