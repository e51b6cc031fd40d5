// The whole fan journey in a real browser: sign up, wait in line, hold two
// seats, find the balance short, charge the shortfall, pay, see the tickets.
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations as expectAccessible, test, uniqueEmail } from "./fixtures";

function wonOf(text: string): number {
  return Number(text.replace(/[^0-9]/g, ""));
}

async function signUpInTheBrowser(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("이름").fill("여정 테스트");
  await page.getByLabel("이메일").fill(uniqueEmail("journey"));
  await page.getByLabel("비밀번호", { exact: true }).fill("journey password");
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
}

test("a new fan signs up, waits, holds two seats, charges the shortfall, pays and sees the tickets", async ({ page, concert }) => {
  test.setTimeout(120_000);
  await signUpInTheBrowser(page);

  // The catalogue is a snapshot up to a second old: the concert just made shows within it.
  await expect.poll(async () => {
    const { concerts } = await (await page.request.get("/api/concerts")).json();
    return concerts.find((candidate: { id: string }) => candidate.id === concert.id)?.status;
  }, { message: "the test's concert is on sale" }).toBe("ON_SALE");

  await page.goto(`/concerts/${concert.id}`);
  await page.getByRole("link", { name: "대기열 입장하기" }).click();
  // The waiting room moves on by itself once the fan is admitted.
  await page.waitForURL(`**/concerts/${concert.id}/book`, { timeout: 60_000 });

  const available = page.getByRole("button", { name: /선택 가능$/ });
  await available.first().click();
  await available.first().click();
  await page.getByRole("button", { name: "선택 좌석 잡기" }).click();
  await page.getByRole("link", { name: /^결제하기/ }).first().click();

  await page.waitForURL(`**/concerts/${concert.id}/checkout`);
  const seatsTable = page.getByRole("table");
  await expect(seatsTable.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "잔액이 부족해요" })).toBeVisible();
  const payButton = page.getByRole("button", { name: /결제하기$/ });
  await expect(payButton).toBeDisabled();
  const total = wonOf(await payButton.innerText());
  const chargeShortfall = page.getByRole("button", { name: /부족한 금액 .*충전/ });
  // A new wallet is empty, so the shortfall is the whole total.
  expect(wonOf(await chargeShortfall.innerText())).toBe(total);
  await expectAccessible(page);

  await chargeShortfall.click();
  await expect(page.getByText("이제 결제할 수 있어요")).toBeVisible();
  await expect(payButton).toBeEnabled();
  await payButton.click();

  await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  await expect(page.getByText("2석의 티켓이 내 티켓에 담겼어요.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "내 티켓 보기" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "내 티켓" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: concert.title })).toBeVisible();
  await expect(page.getByText("티켓 2장").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "지갑" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "내 지갑" })).toBeVisible();
  await expect(page.getByText("0원", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "충전, 결제, 환불 내역, 최신순" }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);
});

test("the wallet charges once per click and stays usable on a phone", async ({ page, signUpFan }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpFan();
  await page.goto("/wallet");
  await page.getByRole("button", { name: "10,000원 선택" }).click();
  await page.getByRole("button", { name: "10,000원 충전하기" }).dblclick();
  await expect(page.getByText("10,000원을 충전했어요.")).toBeVisible();
  await expect(page.getByRole("list", { name: "충전, 결제, 환불 내역, 최신순" }).getByRole("listitem")).toHaveCount(1);

  await page.getByLabel("충전할 금액").fill("1,000,001");
  await page.getByRole("button", { name: "충전하기" }).click();
  await expect(page.getByText("한 번에 1,000,000원까지 충전할 수 있어요.")).toBeVisible();
  await expect(page.getByLabel("충전할 금액")).toHaveValue("1,000,001");
  await expect(page.getByLabel("충전할 금액")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.goto("/tickets");
  await expect(page.getByRole("heading", { name: "아직 예매한 티켓이 없어요" })).toBeVisible();
  await expectAccessible(page);
});
