// From nothing to sold and refunded in the browser: an operator builds a venue, puts a concert on
// sale, a fan buys two seats, the live page counts them, the operator refunds the order, and the
// fan finds the money back while the seats are on sale again.
import type { Browser, Page } from "@playwright/test";
import { admin } from "../lib/i18n/ko/admin.ts";
import { addDateOnSaleNow, fillConcert, fillSection, lookAtEveryWidth, OPERATOR, unique } from "./console-kit.ts";
import { expect, expectNoSeriousA11yViolations, test, uniqueEmail } from "./fixtures.ts";

const PRICE = 50_000;
const won = (amount: number) => `${amount.toLocaleString("ko-KR")}원`;

async function signInThroughTheForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
}

/** A venue of one section of ten R seats, a concert in it at PRICE a seat, and a date on sale now; answers the concert's id. */
async function putConcertOnSale(page: Page, title: string): Promise<string> {
  await page.goto("/admin/venues/new");
  const venueName = unique("흐름 홀");
  await page.getByLabel(admin.venues.fields.name.label).fill(venueName);
  await fillSection(page, { name: "1층", grade: "R", rows: 2, seatsPerRow: 5 });
  await page.getByLabel(admin.reason.label).fill("작은 공연장");
  await page.getByRole("button", { name: admin.venues.submit }).click();
  await expect(page).toHaveURL(/\/admin\/venues\?created=/);

  await page.goto("/admin/concerts/new");
  await fillConcert(page, {
    title,
    artist: "흐름 밴드",
    venueOption: `${venueName} (${admin.venues.seats(10)})`,
    prices: { R: String(PRICE) },
    reason: "흐름 공연 등록",
  });
  await page.getByRole("button", { name: admin.concerts.submitCreate }).click();
  await expect(page.getByText(admin.concerts.created)).toBeVisible();

  await addDateOnSaleNow(page, "첫 회차");
  await expect(page.getByText(admin.concerts.soldOf(0, 10))).toBeVisible();
  return new URL(page.url()).pathname.split("/")[3]!;
}

/** A new fan, signed up and charged through the forms, who queues, holds two seats and pays; answers the fan's page. */
async function fanBuysTwoSeats(browser: Browser, concertId: string, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const fan = await context.newPage();
  await fan.goto("/sign-up");
  await fan.getByLabel("이름").fill("흐름 팬");
  await fan.getByLabel("이메일").fill(email);
  await fan.getByLabel("비밀번호", { exact: true }).fill("flow password");
  await fan.getByRole("button", { name: "가입하기" }).click();
  await expect(fan.getByRole("button", { name: "로그아웃" })).toBeVisible();

  await fan.goto("/wallet");
  await fan.getByRole("button", { name: `${won(100_000)} 선택` }).click();
  await fan.getByRole("button", { name: `${won(100_000)} 충전하기` }).click();
  await expect(fan.getByRole("status").filter({ hasText: `${won(100_000)}을 충전했어요.` })).toBeVisible();

  // The catalogue is a snapshot up to a second old: the concert just put on sale shows within it.
  await expect.poll(async () => {
    const { concerts } = await (await fan.request.get("/api/concerts")).json();
    return concerts.find((candidate: { id: string }) => candidate.id === concertId)?.status;
  }, { message: "the console's concert is on sale" }).toBe("ON_SALE");
  await fan.goto(`/concerts/${concertId}`);
  await fan.getByRole("link", { name: "대기열 입장하기" }).click();
  await fan.waitForURL(`**/concerts/${concertId}/book`, { timeout: 60_000 });
  const available = fan.getByRole("button", { name: /선택 가능$/ });
  await available.first().click();
  await available.first().click();
  await fan.getByRole("button", { name: "선택 좌석 잡기" }).click();
  await fan.getByRole("link", { name: /^결제하기/ }).first().click();
  await fan.waitForURL(`**/concerts/${concertId}/checkout`);
  await fan.getByRole("button", { name: /결제하기$/ }).click();
  await expect(fan.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
  return fan;
}

test("an operator puts a new concert on sale, a fan buys two seats, the live page counts them, and a refund gives the money and the seats back", async ({ page, browser, database }) => {
  test.setTimeout(240_000);
  await signInThroughTheForm(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/admin$/);
  const title = unique("흐름 공연");
  const concertId = await putConcertOnSale(page, title);

  await page.goto(`/admin/concerts/${concertId}/live`);
  await expect(page.getByTestId("date-sold")).toHaveText("0");

  const email = uniqueEmail("flow");
  const fan = await fanBuysTwoSeats(browser, concertId, email);

  // The live page refreshes by itself every few seconds: the two seats show without a reload.
  await expect(page.getByTestId("date-sold")).toHaveText("2", { timeout: 15_000 });

  await page.goto(`/admin/concerts/${concertId}/orders`);
  const order = page.getByRole("row").filter({ hasText: email });
  await expect(order).toContainText(won(2 * PRICE));
  await lookAtEveryWidth(page, "console-orders-with-an-order");
  await order.getByText(admin.orders.refund).click();
  await order.getByLabel(admin.reason.label).fill("공연 취소 요청");
  await order.getByRole("button", { name: admin.orders.refundConfirm }).click();
  // The refunded order has nothing left to refund: its form leaves the row, and what was refunded is said there, focused.
  await expect(order).toContainText(admin.orders.status.REFUNDED!);
  await expect(order.getByText(admin.orders.refund)).toHaveCount(0);
  const confirmation = order.getByRole("status");
  await expect(confirmation).toContainText("(2석)");
  await expect(confirmation).toContainText(`${won(2 * PRICE)}을 팬의 지갑으로 돌려주었습니다.`);
  await expect(confirmation).toBeFocused();
  await lookAtEveryWidth(page, "console-orders-refunded");

  await fan.goto("/wallet");
  await expect(fan.getByRole("region", { name: "현재 잔액" })).toContainText(won(100_000));
  const refund = fan.getByRole("list", { name: "충전, 결제, 환불 내역, 최신순" }).getByRole("listitem").first();
  await expect(refund).toContainText("환불");
  await expect(refund).toContainText(`+${won(2 * PRICE)}`);
  await expectNoSeriousA11yViolations(fan);
  await fan.goto("/tickets");
  await expect(fan.getByRole("heading", { name: "아직 예매한 티켓이 없어요" })).toBeVisible();

  // Back on sale: the live page counts none sold, and no seat of the date is taken.
  await page.goto(`/admin/concerts/${concertId}/live`);
  await expect(page.getByTestId("date-sold")).toHaveText("0");
  const { rows } = await database.query<{ taken: string }>(
    `SELECT count(*) AS taken FROM reservations r JOIN performances p ON p.id = r.performance_id
     WHERE p.concert_id = $1 AND r.status IN ('HELD', 'CONFIRMED')`,
    [concertId],
  );
  expect(rows).toEqual([{ taken: "0" }]);
  await fan.context().close();
});
