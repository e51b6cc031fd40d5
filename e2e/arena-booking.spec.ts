// An arena on sale in a real browser: the fan picks sections on the venue
// drawing, holds seats in two of them, pays and finds the seats' labels on the
// checkout, the confirmation and the tickets — at 1280 and at 390 px.
import type { Page } from "@playwright/test";
import { ARENA_PRICES, arenaSections, type ArenaPlan } from "../lib/venues/arena-layout.ts";
import { expect, expectNoSeriousA11yViolations as expectAccessible, test } from "./fixtures.ts";

// Two VIP floor blocks (F1, F2) and a ring of three R stands (1–3), each 12 rows of 16: 960 seats, enough to be drawn as a venue first.
const SMALL_ARENA: ArenaPlan = {
  floor: { columns: 2, rows: 1, rowsPerBlock: 12, seatsPerRow: 16, grades: ["VIP"] },
  tiers: [{ sections: 3, rows: 12, seatsPerRow: 16, grade: "R" }],
};
const ARENA = { sections: arenaSections(SMALL_ARENA), prices: { ...ARENA_PRICES } };
const PHONE = { width: 390, height: 844 };

test.use({ concertOptions: { performances: 1, venue: ARENA } });

async function admitted(page: Page, concertId: string) {
  await expect.poll(async () => {
    const { concerts } = await (await page.request.get("/api/concerts")).json();
    return concerts.find((candidate: { id: string }) => candidate.id === concertId)?.status;
  }, { message: "the test's concert is on sale" }).toBe("ON_SALE");
  await page.goto(`/concerts/${concertId}/queue`);
  await page.waitForURL(`**/concerts/${concertId}/book`, { timeout: 60_000 });
}

/** Opens a section from the drawing, picks its first free seat and answers that seat's label. */
async function pickFirstFreeSeatIn(page: Page, section: RegExp): Promise<string> {
  await page.getByRole("button", { name: section }).click();
  await expect(page.getByRole("heading", { level: 3, name: / · / })).toBeFocused();
  const free = page.getByRole("button", { name: /선택 가능$/ }).first();
  const label = (await free.getAttribute("aria-label"))!.split(",")[0]!;
  await free.click();
  await expect(page.getByRole("button", { name: new RegExp(`^${label},.*선택함$`) })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /전체 구역 보기/ }).click();
  return label;
}

for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
  test(`a fan holds seats in two sections of an arena, pays and sees their labels (${viewport.width}px)`, async ({ page, concert, signUpFan }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    await signUpFan();
    await admitted(page, concert.id);

    await expect(page.getByRole("button", { name: "F1구역, VIP석, 남은 좌석 192석" })).toBeVisible();
    await expect(page.getByText("VIP석", { exact: true })).toBeVisible();
    await expectAccessible(page);

    const first = await pickFirstFreeSeatIn(page, /^F1구역, VIP석/);
    // Back on the drawing, the section with the pick is marked, and the pick is kept.
    await expect(page.getByRole("button", { name: "F1구역, VIP석, 남은 좌석 192석, 고른 좌석 1석" })).toBeFocused();
    const second = await pickFirstFreeSeatIn(page, /^1구역, R석/);
    expect(first).toMatch(/^F1구역 1열 \d+번$/);
    expect(second).toMatch(/^1구역 1열 \d+번$/);
    await expect(page.getByRole("region", { name: "선택한 좌석" }).getByRole("listitem")).toHaveText([new RegExp(first), new RegExp(second)]);

    await page.getByRole("button", { name: "선택 좌석 잡기" }).click();
    const holds = page.getByRole("region", { name: "잡아 둔 좌석" });
    // The result takes the focus, not the page.
    await expect(holds).toBeFocused();
    await expect(holds.getByText(first, { exact: true })).toBeVisible();
    await expect(holds.getByText(second, { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^F1구역, VIP석, 남은 좌석 191석/ })).toBeVisible();
    await expectAccessible(page);

    await holds.getByRole("link", { name: /^결제하기 · 2석/ }).click();
    await page.waitForURL(`**/concerts/${concert.id}/checkout`);
    const seats = page.getByRole("table");
    await expect(seats.getByRole("cell", { name: first, exact: true })).toBeVisible();
    await expect(seats.getByRole("cell", { name: second, exact: true })).toBeVisible();
    await page.getByRole("button", { name: /부족한 금액 .*충전/ }).click();
    await page.getByRole("button", { name: /결제하기$/ }).click();
    await expect(page.getByRole("heading", { name: "결제가 완료됐어요" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("cell", { name: first, exact: true })).toBeVisible();

    await page.getByRole("link", { name: "내 티켓 보기" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "내 티켓" })).toBeVisible();
    await expect(page.getByText(first, { exact: true })).toBeVisible();
    await expect(page.getByText(second, { exact: true })).toBeVisible();
    await expectAccessible(page);
  });
}

test("the keyboard reaches a section on the drawing and moves between its seats with the arrow keys", async ({ page, concert, signUpFan }) => {
  test.setTimeout(120_000);
  await signUpFan();
  await admitted(page, concert.id);
  const sectionA = page.getByRole("button", { name: /^F1구역, VIP석/ });
  await sectionA.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^F2구역, VIP석/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 3, name: "F2구역 · VIP석" })).toBeFocused();
  await expect(page.getByRole("button", { name: /^F2구역 1열 1번,/ })).toBeVisible();
  // Past the zoom buttons, Tab lands on the grid's one tab stop: its first free seat.
  for (let press = 0; press < 4 && !(await page.locator(":focus").getAttribute("data-seat-id")); press += 1) await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /^F2구역 1열 1번,/);
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /^F2구역 1열 2번,/);
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", /^F2구역 2열 2번,/);
  await page.keyboard.press("Space");
  await expect(page.locator(":focus")).toHaveAttribute("aria-pressed", "true");
});

test("on a 390-px phone the venue fits the screen, and the drawing and a section's seats zoom from buttons or keys", async ({ page, concert, signUpFan }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signUpFan();
  await admitted(page, concert.id);
  const drawing = page.getByRole("group", { name: / 공연장 구역$/ });
  const fitted = (await drawing.boundingBox())!;
  expect(fitted.x).toBeGreaterThanOrEqual(0);
  expect(fitted.x + fitted.width).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: testInfo.outputPath("venue-390.png") });

  const venueZoom = page.getByRole("group", { name: "배치도 확대/축소" });
  await expect(venueZoom.getByRole("button", { name: "배치도 작게 보기" })).toHaveAttribute("aria-disabled", "true");
  await venueZoom.getByRole("button", { name: "배치도 크게 보기" }).click();
  await venueZoom.getByRole("button", { name: "배치도 크게 보기" }).press("Enter");
  await expect(venueZoom.getByRole("status")).toHaveText(/200%$/);
  expect((await drawing.boundingBox())!.width).toBeCloseTo(fitted.width * 2, 0);
  // The drawing's frame scrolls; the page itself stays as wide as the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: testInfo.outputPath("venue-390-zoomed.png") });
  await expectAccessible(page);

  await page.getByRole("button", { name: /^1구역, R석/ }).press("Enter");
  await expect(page.getByRole("heading", { level: 3, name: "1구역 · R석" })).toBeFocused();
  const seat = page.getByRole("button", { name: /^1구역 1열 1번,/ });
  const seatWidth = (await seat.boundingBox())!.width;
  const seatZoom = page.getByRole("group", { name: "좌석 확대/축소" });
  await seatZoom.getByRole("button", { name: "좌석 크게 보기" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(seatZoom.getByRole("status")).toHaveText(/200%$/);
  expect((await seat.boundingBox())!.width).toBeGreaterThan(seatWidth * 1.5);
  await page.screenshot({ path: testInfo.outputPath("section-390-zoomed.png"), fullPage: true });
  await expectAccessible(page);
});
