// The booking page's weight and stillness: it does not jump while it loads
// (cumulative layout shift below 0.1 at 390 and 1280 px, measured in the
// browser), and an arena's page stays small (fewer than 3,000 DOM nodes with
// 15,000 or 70,000 seats: the lib's KSPO DOME-like arena and stadium). Their
// time to interactive is measured by `npm run bench -- arena-page`.
import type { Page } from "@playwright/test";
import { ARENA_PRICES, arenaSections, KSPO_DOME_LIKE, STADIUM_LIKE, type ArenaPlan } from "../lib/venues/arena-layout.ts";
import { expect, test, type OwnConcertOptions } from "./fixtures.ts";
import { layoutShift, watchLayoutShifts } from "./layout-shift.ts";

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];

function arena(plan: ArenaPlan): OwnConcertOptions {
  return { performances: 1, venue: { sections: arenaSections(plan), prices: { ...ARENA_PRICES } } };
}

async function admitted(page: Page, concertId: string) {
  await expect.poll(async () => {
    const { concerts } = await (await page.request.get("/api/concerts")).json();
    return concerts.find((candidate: { id: string }) => candidate.id === concertId)?.status;
  }, { message: "the test's concert is on sale", timeout: 30_000 }).toBe("ON_SALE");
  await page.goto(`/concerts/${concertId}/queue`);
  await page.waitForURL(`**/concerts/${concertId}/book`, { timeout: 60_000 });
}

const domSize = (page: Page) => page.evaluate(() => document.querySelectorAll("*").length);

test.describe("a hall", () => {
  for (const viewport of VIEWPORTS) {
    test(`/book does not shift while it loads (${viewport.width}px)`, async ({ page, concert, signUpFan }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(viewport);
      await signUpFan();
      await admitted(page, concert.id);
      await watchLayoutShifts(page);
      await page.goto(`/concerts/${concert.id}/book`);
      await expect(page.getByRole("button", { name: /선택 가능$/ }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      const { shift, sources } = await layoutShift(page);
      console.log(`hall ${viewport.width}px: shift ${shift.toFixed(3)}`);
      expect(shift, sources.join("\n")).toBeLessThan(0.1);
    });
  }
});

for (const [label, plan] of [["15,000", KSPO_DOME_LIKE], ["70,000", STADIUM_LIKE]] as const) {
  test.describe(`an arena of ${label} seats`, () => {
    test.use({ concertOptions: arena(plan) });
    for (const viewport of VIEWPORTS) {
      test(`/book does not shift while it loads and stays under 3,000 DOM nodes (${viewport.width}px)`, async ({ page, concert, signUpFan }) => {
        test.setTimeout(180_000);
        await page.setViewportSize(viewport);
        await signUpFan();
        await admitted(page, concert.id);
        await watchLayoutShifts(page);
        await page.goto(`/concerts/${concert.id}/book`);
        // F1: the first floor block, 12 rows of 20.
        await expect(page.getByRole("button", { name: /^F1구역, VIP석, 남은 좌석 240석$/ })).toBeVisible();
        await page.waitForLoadState("networkidle");
        const { shift, sources } = await layoutShift(page);
        const venueNodes = await domSize(page);
        await page.getByRole("button", { name: /^F1구역, VIP석/ }).click();
        await expect(page.getByRole("button", { name: /^F1구역 12열 20번,/ })).toBeVisible();
        const sectionNodes = await domSize(page);
        console.log(`${label} seats ${viewport.width}px: shift ${shift.toFixed(3)}, DOM ${venueNodes} (drawing) / ${sectionNodes} (a section)`);
        expect(shift, sources.join("\n")).toBeLessThan(0.1);
        expect(venueNodes).toBeLessThan(3_000);
        expect(sectionNodes).toBeLessThan(3_000);
      });
    }
  });
}
