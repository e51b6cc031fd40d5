// The operator's live page of an arena on sale: per-minute charts drawn by the
// chart library, the per-section heat map on the venue drawing, the numbers as
// a table behind a disclosure; then one order with its seats and ledger entries.
// Axe-clean and photographed at 1280 and 390 px; the fixture fails the test on
// any Content-Security-Policy violation.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { admin } from "../lib/i18n/ko/admin.ts";
import { ARENA_PRICES, arenaSections } from "./arena-layout.ts";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";

const OPERATOR = { email: "admin@encore.test", password: "encore-admin-1234" };
// 4 sections of 5 rows of 10: A and B VIP, C and D R. Seats are numbered section by section: 1–50 are A구역's.
const ARENA = { sections: arenaSections({ sections: 4, rowsPerSection: 5, seatsPerRow: 10 }), prices: ARENA_PRICES };
const t = admin.live;

test.use({ concertOptions: { performances: 1, venue: ARENA } });

/** Seats sold to the fan in one payment, written as a payment writes them, the wallet debited. */
async function buySeats(database: pg.Client, userId: string, performanceId: string, seatNumbers: number[]): Promise<number> {
  await database.query("BEGIN");
  try {
    const { rows } = await database.query<{ payment_id: string; amount: string }>(
      `WITH seat AS (SELECT id, performance_id, price FROM seats WHERE performance_id = $2 AND number = ANY($3::int[])),
       payment AS (INSERT INTO payments (user_id, amount) SELECT $1, sum(price) FROM seat RETURNING id, amount),
       sale AS (
         INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
         SELECT seat.id, seat.performance_id, $1, seat.price, 'CONFIRMED', now(), payment.id FROM seat, payment
       )
       SELECT id AS payment_id, amount FROM payment`,
      [userId, performanceId, seatNumbers],
    );
    const { payment_id: paymentId, amount } = rows[0]!;
    await database.query("SELECT * FROM ledger_write($1, 'PAYMENT', $2, $3)", [userId, -Number(amount), paymentId]);
    await database.query("COMMIT");
    return Number(amount);
  } catch (error) {
    await database.query("ROLLBACK");
    throw error;
  }
}

async function holdSeat(database: pg.Client, userId: string, performanceId: string, seatNumber: number): Promise<void> {
  await database.query(
    `INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
     SELECT id, performance_id, $1, price, 'HELD', now() + interval '10 minutes' FROM seats WHERE performance_id = $2 AND number = $3`,
    [userId, performanceId, seatNumber],
  );
}

/** A section of the page by its heading. */
const cardOf = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });

async function lookAtBothWidths(page: Page, shot: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`${shot}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the live page charts the last hour and colours each section of the arena by what is sold; an order shows its seats and ledger", async ({ page, concert, database, signUpFan, signInAs }) => {
  // Two pages, each checked with axe and photographed at two widths.
  test.setTimeout(300_000);
  const [performanceId] = concert.performanceIds;
  const fan = await signUpFan();
  expect((await page.request.post(`/api/concerts/${concert.id}/queue`)).status()).toBe(201);
  const charged = await page.request.post("/api/wallet/charge", { data: { amount: 1_000_000 }, headers: { "Idempotency-Key": randomUUID() } });
  expect(charged.status()).toBe(200);
  const paid = await buySeats(database, fan.id, performanceId!, [1, 2, 3]);
  await holdSeat(database, fan.id, performanceId!, 120);

  await signInAs(OPERATOR.email, OPERATOR.password);
  await page.goto(`/admin/concerts/${concert.id}/live`);
  const charts = cardOf(page, t.perMinuteTitle);
  for (const label of Object.values(t.perMinuteColumns).slice(1)) {
    await expect(charts.getByRole("img", { name: new RegExp(`^최근 60분 ${label} 합계`) })).toBeVisible();
  }
  await expect(charts.getByRole("img", { name: /^최근 60분 판매 좌석 합계 3, 가장 많았던 \d\d:\d\d에 3$/ })).toBeVisible();
  await expect(charts.getByRole("img", { name: /^최근 60분 대기 참여 합계 1,/ })).toBeVisible();
  // Chart.js has drawn into every canvas: it sizes the drawing buffer to the box.
  await expect.poll(() => charts.locator("canvas").evaluateAll((canvases) => canvases.filter((canvas) => (canvas as HTMLCanvasElement).width > 0).length)).toBe(5);

  const heat = page.getByRole("group", { name: /구역별 판매 현황$/ });
  await expect(heat.getByRole("img", { name: "A구역 (VIP): 판매 3석, 선점 0석, 남음 47석 / 전체 50석" })).toBeVisible();
  await expect(heat.getByRole("img", { name: "C구역 (R): 판매 0석, 선점 1석, 남음 49석 / 전체 50석" })).toBeVisible();
  await expect(page.getByText(t.heatMap.legendTitle)).toBeVisible();
  await expect(page.getByText(t.room.noShows)).toBeVisible();
  await expect(page.getByText(t.room.eta)).toBeVisible();

  await page.getByText(t.chartsTableSummary).click();
  await expect(page.getByRole("columnheader", { name: t.perMinuteColumns.seatsSold })).toBeVisible();
  await lookAtBothWidths(page, "console-live-arena");

  await page.getByRole("navigation", { name: admin.concertNav.label }).getByRole("link", { name: admin.concertNav.orders }).click();
  await page.getByRole("link", { name: / 주문 보기$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const seats = cardOf(page, admin.orders.detail.seatsTitle);
  await expect(seats.getByRole("row")).toHaveCount(4);
  await expect(seats.getByRole("cell", { name: /^A구역/ })).toHaveCount(3);
  const ledger = cardOf(page, admin.orders.detail.ledgerTitle);
  await expect(ledger.getByRole("row", { name: /결제/ })).toContainText(`-${paid.toLocaleString("ko-KR")}원`);
  await expect(ledger.getByRole("row", { name: /충전/ })).toContainText("+1,000,000원");
  await lookAtBothWidths(page, "console-order");
});
