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

  test("with JavaScript off, a refused sign-in keeps the email and says why, and the next one signs in and goes back where the fan was sent from", async ({ browser, signUpFan }) => {
    const fan = await signUpFan({ name: "자바스크립트 없는 팬" });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    const page = await context.newPage();
    await page.goto("/wallet");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fwallet$/);
    await page.getByLabel(auth.fields.email.label).fill(fan.email);
    await page.getByLabel(auth.fields.password.label, { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await expect(page.getByRole("alert").filter({ hasText: auth.errors.INVALID_CREDENTIALS })).toBeVisible();
    await expect(page.getByLabel(auth.fields.email.label)).toHaveValue(fan.email);
    await expect(page.getByLabel(auth.fields.password.label, { exact: true })).toHaveValue("");

    await page.getByLabel(auth.fields.password.label, { exact: true }).fill(fan.password);
    await page.getByRole("button", { name: auth.signIn.submit }).click();
    await expect(page).toHaveURL(/\/wallet$/);
    await expect(page.getByRole("banner").getByText(common.nav.signedInAs(fan.name))).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "encore_device")).toMatchObject({ path: "/sign-in", httpOnly: true });
    await context.close();
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
