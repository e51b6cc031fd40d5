import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { admin } from "../lib/i18n/ko/admin.ts";
import { forms } from "../lib/i18n/ko/forms.ts";
import { addDateOnSaleNow, fillConcert, fillSection, lookAtEveryWidth, OPERATOR, unique } from "./console-kit.ts";
import { expect, test } from "./fixtures.ts";
import { buyTickets } from "./tickets.ts";

const won = (amount: number) => `${amount.toLocaleString("ko-KR")}원`;

/** The first order of the list reads as a card: its seats under its email rather than beside it. */
async function isStacked(page: Page): Promise<boolean> {
  const cells = page.locator("tbody tr").first().locator("td");
  const [email, seats] = [await cells.nth(1).boundingBox(), await cells.nth(2).boundingBox()];
  return seats!.y >= email!.y + email!.height - 1;
}

/** Nothing on the page, the orders table included, is wider than the window: no sideways scrolling. */
async function expectNoSidewaysScrolling(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
    table: Math.max(0, ...[...document.querySelectorAll("table")].map((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)),
  }));
  expect(widths.page, "the page's width").toBeLessThanOrEqual(widths.window);
  expect(widths.table, "how far a table scrolls sideways").toBe(0);
}

test.describe("operator console", () => {
  test("a fan is told the console is for operators", async ({ signedInPage: page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: admin.forbidden.title })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: admin.headerLink })).toHaveCount(0);
  });

  test("the venue form works with JavaScript off: a refusal keeps what was typed, then the venue is built", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    const page = await context.newPage();
    expect((await context.request.post("/api/auth/sign-in", { data: OPERATOR })).status()).toBe(200);
    await page.goto("/admin/venues/new");
    const venueName = unique("자바스크립트 없는 홀");
    await page.getByLabel(admin.venues.fields.name.label).fill(venueName);
    await page.getByLabel(admin.venues.fields.sectionName.label).fill("1층");
    await page.getByLabel(admin.venues.fields.grade.label).fill("R");
    await page.getByLabel(admin.venues.fields.rows.label).fill("0");
    await page.getByLabel(admin.venues.fields.seatsPerRow.label).fill("10");
    await page.getByRole("button", { name: admin.venues.submit }).click();

    await expect(page.getByText(forms.summary)).toBeVisible();
    await expect(page.getByText(admin.venues.fields.rows.invalid)).toBeVisible();
    await expect(page.getByText(admin.reason.invalid)).toBeVisible();
    await expect(page.getByLabel(admin.venues.fields.name.label)).toHaveValue(venueName);
    await expect(page.getByLabel(admin.venues.fields.sectionName.label)).toHaveValue("1층");

    await page.getByLabel(admin.venues.fields.rows.label).fill("4");
    await page.getByLabel(admin.reason.label).fill("자바스크립트 없이 만들기");
    await page.getByRole("button", { name: admin.venues.submit }).click();
    await expect(page).toHaveURL(/\/admin\/venues\?created=/);
    await expect(page.getByRole("status")).toContainText(venueName);
    await expect(page.getByRole("status")).toContainText(admin.venues.seats(40));
    await context.close();
  });

  test("an operator signs in to the console, builds a venue, puts a concert with a date on sale, and runs its waiting room", async ({ page }) => {
    // Eight pages, each checked with axe and photographed at two widths.
    test.setTimeout(300_000);
    await page.goto("/sign-in");
    await page.getByLabel("이메일").fill(OPERATOR.email);
    await page.getByLabel("비밀번호", { exact: true }).fill(OPERATOR.password);
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("banner").getByRole("link", { name: admin.headerLink })).toBeVisible();
    await lookAtEveryWidth(page, "console-overview");

    // A venue of two sections, drawn as it is typed.
    await page.getByRole("navigation", { name: admin.nav.label }).getByRole("link", { name: admin.nav.venues }).click();
    await lookAtEveryWidth(page, "console-venues");
    await page.getByRole("link", { name: admin.venues.create }).click();
    const venueName = unique("콘솔 홀");
    await page.getByLabel(admin.venues.fields.name.label).fill(venueName);
    await fillSection(page, { name: "VIP구역", grade: "VIP", rows: 2, seatsPerRow: 5 });
    await page.getByRole("button", { name: admin.venues.addSection }).click();
    const second = page.getByRole("listitem").filter({ hasText: admin.venues.section(1) });
    await fillSection(second, { name: "R구역", grade: "R", rows: 3, seatsPerRow: 10 });
    await expect(page.locator("output")).toHaveText(admin.venues.seats(40));
    await page.getByLabel(admin.reason.label).fill("연말 공연 준비");
    await lookAtEveryWidth(page, "console-venue-builder");
    await page.getByRole("button", { name: admin.venues.submit }).click();
    await expect(page).toHaveURL(/\/admin\/venues\?created=/);
    await expect(page.getByRole("status")).toContainText(venueName);

    // A concert in it, a price per grade.
    await page.goto("/admin/concerts/new");
    const title = unique("콘솔 공연");
    await fillConcert(page, {
      title,
      artist: "콘솔 밴드",
      venueOption: `${venueName} (${admin.venues.seats(40)})`,
      prices: { VIP: "150000", R: "90,000" },
      reason: "12월 공연 등록",
    });
    await lookAtEveryWidth(page, "console-concert-new");
    await page.getByRole("button", { name: admin.concerts.submitCreate }).click();
    await expect(page.getByText(admin.concerts.created)).toBeVisible();

    // A date whose booking is open now: the sale is on.
    await addDateOnSaleNow(page, "첫 회차");
    await expect(page.getByText(admin.concerts.soldOf(0, 40))).toBeVisible();
    await lookAtEveryWidth(page, "console-concert");
    const concertPath = new URL(page.url()).pathname;
    const concertId = concertPath.split("/")[3]!;
    const onSale = await page.request.get(`/api/concerts/${concertId}`);
    expect(onSale.status()).toBe(200);

    // The waiting room: pause with a reason, then the audit log tells who did what and why.
    await page.getByRole("navigation", { name: admin.concertNav.label }).getByRole("link", { name: admin.concertNav.room }).click();
    await expect(page.getByText(admin.room.running, { exact: true })).toBeVisible();
    const pause = page.getByRole("form", { name: admin.room.pauseTitle });
    await pause.getByRole("button", { name: admin.room.pause }).click();
    await expect(pause.getByText(admin.reason.invalid)).toBeVisible();
    await pause.getByLabel(admin.reason.label).fill("무대 점검");
    await pause.getByRole("button", { name: admin.room.pause }).click();
    await expect(page.getByText(admin.room.paused)).toBeVisible();
    await lookAtEveryWidth(page, "console-room");

    await page.getByRole("navigation", { name: admin.concertNav.label }).getByRole("link", { name: admin.concertNav.audit }).click();
    await expect(page.getByRole("cell", { name: "무대 점검" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "12월 공연 등록" })).toBeVisible();
    await lookAtEveryWidth(page, "console-concert-audit");
    await page.getByRole("navigation", { name: admin.concertNav.label }).getByRole("link", { name: admin.concertNav.live }).click();
    await expect(page.getByText(admin.live.seats.available, { exact: true })).toBeVisible();
    await expect(page.getByTestId("date-sold")).toHaveText("0");
    for (const tab of [admin.concertNav.live, admin.concertNav.orders]) {
      await page.getByRole("navigation", { name: admin.concertNav.label }).getByRole("link", { name: tab }).click();
      await expect(page.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
      await lookAtEveryWidth(page, `console-${tab}`);
    }

    await page.goto(`/admin/audit?concertId=${concertId}`);
    await expect(page.getByRole("cell", { name: "연말 공연 준비" })).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "무대 점검" })).toBeVisible();
    await lookAtEveryWidth(page, "console-audit");
    await page.goto("/admin/concerts");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await lookAtEveryWidth(page, "console-concerts");
  });

  test("an operator refunds what is left of an order from its page and is told which seats and how much came back; the orders list reads on a phone", async ({ page, signUpFan, signInAs, concert, database }) => {
    test.setTimeout(120_000);
    const fan = await signUpFan();
    const charged = await page.request.post("/api/wallet/charge", { data: { amount: 1_000_000 }, headers: { "Idempotency-Key": randomUUID() } });
    expect(charged.status()).toBe(200);
    const order = await buyTickets(database, fan.id, concert.performanceIds[0]!, 3);
    const other = await buyTickets(database, fan.id, concert.performanceIds[1]!, 1);
    // The fan cancels one seat of the order themselves: the operator refunds the two left.
    const cancelled = await page.request.post(`/api/tickets/${order.reservationIds[0]}/cancel`, { headers: { "Idempotency-Key": randomUUID() } });
    expect(cancelled.status()).toBe(200);
    const { rows: prices } = await database.query<{ price: string }>("SELECT price FROM reservations WHERE id = ANY($1::uuid[])", [order.reservationIds.slice(1)]);
    const left = prices.reduce((sum, row) => sum + Number(row.price), 0);
    await signInAs(OPERATOR.email, OPERATOR.password);

    await page.goto(`/admin/concerts/${concert.id}/orders/${order.paymentId}`);
    await expect(page.getByText(admin.orders.status.PARTIALLY_REFUNDED!, { exact: true })).toBeVisible();
    await page.getByText(admin.orders.refund).click();
    await expect(page.getByText(admin.orders.refundLead(won(left)))).toBeVisible();
    await page.getByLabel(admin.reason.label).fill("공연 취소 요청");
    await page.getByRole("button", { name: admin.orders.refundConfirm }).click();

    const confirmation = page.getByRole("status").filter({ hasText: "환불했습니다" });
    await expect(confirmation).toHaveText(admin.orders.refunded(won(left), order.labels.slice(1)));
    await expect(confirmation).toBeFocused();
    await expect(page.getByText(admin.orders.status.REFUNDED!, { exact: true })).toBeVisible();
    await expect(page.getByText(admin.orders.refund)).toHaveCount(0);
    await lookAtEveryWidth(page, "console-order-refunded");
    await expect(confirmation).toBeVisible();

    // A refund refused: another operator refunded the other order meanwhile; this form says so and the page catches up.
    await page.goto(`/admin/concerts/${concert.id}/orders/${other.paymentId}`);
    await page.getByText(admin.orders.refund).click();
    await page.getByLabel(admin.reason.label).fill("중복 환불 시도");
    const elsewhere = await page.request.post(`/api/admin/payments/${other.paymentId}/refund`, {
      data: { reason: "다른 운영자의 환불" },
      headers: { "Idempotency-Key": randomUUID() },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByRole("button", { name: admin.orders.refundConfirm }).click();
    const refusal = page.getByRole("alert").filter({ hasText: admin.orders.alreadyRefunded });
    await expect(refusal).toHaveText(admin.orders.alreadyRefunded);
    await expect(refusal).toBeFocused();
    await expect(page.getByText(admin.orders.status.REFUNDED!, { exact: true })).toBeVisible();

    // The list: a table at 1280 px, one stacked card per order at 390 px, never wider than the window.
    await page.goto(`/admin/concerts/${concert.id}/orders`);
    await expect(page.getByRole("row").filter({ hasText: order.labels[1]! })).toContainText(admin.orders.status.REFUNDED!);
    await expect(page.getByRole("columnheader", { name: admin.orders.columns.seats })).toBeVisible();
    expect(await isStacked(page), "an order's seats beside its email at 1280 px").toBe(false);
    await expectNoSidewaysScrolling(page);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await isStacked(page), "an order's seats under its email at 390 px").toBe(true);
    await expectNoSidewaysScrolling(page);
    await lookAtEveryWidth(page, "console-orders-list");
  });
});
