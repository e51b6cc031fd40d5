// The fans' forms posted to server actions, as a fan sees them at 1280 and 390 px: each with a
// refusal shown inline, checked with axe and photographed.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { auth } from "../lib/i18n/ko/auth.ts";
import { SCREENS } from "./console-kit.ts";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";
import { buyTicket } from "./tickets.ts";

/** axe and a screenshot at both widths, the page as it is (no reload, so the state of the last submit stays). */
async function lookAtBothWidths(page: Page, shot: string) {
  for (const screen of SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`${shot}-${screen.width}.png`), fullPage: true });
  }
}

test("sign-in and sign-up say what is wrong beside the field, keeping what was typed", async ({ page, signUpFan }) => {
  const fan = await signUpFan();
  await page.request.post("/api/auth/sign-out");

  await page.goto("/sign-in");
  await page.getByLabel(auth.fields.email.label).fill("not an email");
  await page.getByRole("button", { name: auth.signIn.submit }).click();
  await expect(page.getByText(auth.fields.email.invalid)).toBeVisible();
  await expect(page.getByText(auth.fields.password.invalid)).toBeVisible();
  await expect(page.getByLabel(auth.fields.email.label)).toBeFocused();
  await expect(page.getByLabel(auth.fields.email.label)).toHaveValue("not an email");
  await lookAtBothWidths(page, "sign-in-refused");

  await page.goto("/sign-up");
  await page.getByLabel(auth.fields.name.label).fill("이미 있는 팬");
  await page.getByLabel(auth.fields.email.label).fill(fan.email);
  await page.getByLabel(auth.fields.newPassword.label, { exact: true }).fill("short");
  await page.getByRole("button", { name: auth.signUp.submit }).click();
  await expect(page.getByText(auth.fields.newPassword.invalid)).toBeVisible();
  await expect(page.getByLabel(auth.fields.name.label)).toHaveValue("이미 있는 팬");
  // With JavaScript the password stays in the field (it never comes back from the server).
  await expect(page.getByLabel(auth.fields.newPassword.label, { exact: true })).toHaveValue("short");
  await lookAtBothWidths(page, "sign-up-refused");
});

test("the wallet's charge form refuses an amount inline, then charges once", async ({ page, signUpFan }) => {
  await signUpFan();
  await page.goto("/wallet");
  await page.getByLabel("충전할 금액").fill("만 원");
  await page.getByRole("button", { name: "충전하기" }).click();
  await expect(page.getByText("금액은 숫자로, 원 단위로 입력해 주세요.")).toBeVisible();
  await expect(page.getByLabel("충전할 금액")).toHaveValue("만 원");
  await lookAtBothWidths(page, "wallet-refused");

  await page.getByLabel("충전할 금액").fill("25,000");
  await page.getByRole("button", { name: "25,000원 충전하기" }).click();
  await expect(page.getByRole("status").filter({ hasText: "25,000원을 충전했어요." })).toBeVisible();
  await expect(page.getByLabel("충전할 금액")).toHaveValue("");
  await expect(page.getByRole("list", { name: "충전, 결제, 환불 내역, 최신순" }).getByRole("listitem")).toHaveCount(1);
  await lookAtBothWidths(page, "wallet-charged");
});

test("a ticket cancelled elsewhere meanwhile is said so once, above the list that caught up, and takes the focus", async ({ page, signUpFan, concert, database }) => {
  const fan = await signUpFan();
  await page.request.post("/api/wallet/charge", { data: { amount: 500_000 }, headers: { "Idempotency-Key": randomUUID() } });
  const ticket = await buyTicket(database, fan.id, concert.performanceIds[0]!);
  await page.goto("/tickets");
  await page.getByRole("button", { name: /예매 취소$/ }).click();
  const dialog = page.getByRole("dialog", { name: "이 티켓을 취소할까요?" });
  await expect(dialog).toBeVisible();
  await lookAtBothWidths(page, "tickets-confirm");

  // The same ticket cancelled through the API (another tab) before this confirmation is pressed.
  const elsewhere = await page.request.post(`/api/tickets/${ticket.reservationId}/cancel`, { headers: { "Idempotency-Key": randomUUID() } });
  expect(elsewhere.status()).toBe(200);
  await dialog.getByRole("button", { name: "티켓 취소하기" }).click();
  // The answer comes with the list re-read: the ticket has left it, so the refusal is said above it, once.
  const refusal = page.getByText("이미 취소된 티켓이에요. 목록을 새로 고쳤어요.");
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toBeFocused();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "아직 예매한 티켓이 없어요" })).toBeVisible();
  await lookAtBothWidths(page, "tickets-refused");
  await expect(refusal).toHaveCount(1);
  const { rows: refunds } = await database.query("SELECT 1 FROM wallet_entries WHERE user_id = $1 AND type = 'REFUND'", [fan.id]);
  expect(refunds).toHaveLength(1);
});

test("with JavaScript off, the charge form charges once and a ticket is cancelled through its confirmation", async ({ browser, signUpFan, concert, database, page }) => {
  const fan = await signUpFan();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "ko-KR", timezoneId: "Asia/Seoul", storageState: await page.context().storageState() });
  const noScript = await context.newPage();
  await noScript.goto("/wallet");
  await noScript.getByLabel("충전할 금액").fill("1,000,001");
  await noScript.getByRole("button", { name: "충전하기" }).click();
  await expect(noScript.getByText("한 번에 1,000,000원까지 충전할 수 있어요.")).toBeVisible();
  await expect(noScript.getByLabel("충전할 금액")).toHaveValue("1,000,001");
  await noScript.getByLabel("충전할 금액").fill("300000");
  await noScript.getByRole("button", { name: "충전하기" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "300,000원을 충전했어요." })).toBeVisible();

  const ticket = await buyTicket(database, fan.id, concert.performanceIds[0]!);
  await noScript.goto("/tickets");
  await noScript.getByRole("button", { name: /예매 취소$/ }).click();
  await noScript.getByRole("dialog").getByRole("button", { name: "티켓 취소하기" }).click();
  await expect(noScript.getByRole("status")).toContainText(`${ticket.price.toLocaleString("ko-KR")}원을 지갑으로 돌려드렸어요.`);
  await expect(noScript.getByRole("heading", { name: "아직 예매한 티켓이 없어요" })).toBeVisible();
  await context.close();
});
