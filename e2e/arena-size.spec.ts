// The booking page's weight and stillness: it does not jump while it loads
// (cumulative layout shift below 0.1 at 390 and 1280 px, measured in the
// browser), and an arena's page stays small (fewer than 3,000 DOM nodes with
// 15,000 seats). Also reports the time to interactive and DOM size with
// 15,000 and 70,000 seats for docs/benchmarks.md.
import type { Page } from "@playwright/test";
import { ARENA_PRICES, arenaSections, type ArenaSize } from "./arena-layout.ts";
import { expect, test, type OwnConcertOptions } from "./fixtures.ts";
import { layoutShift, watchLayoutShifts } from "./layout-shift.ts";

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
// 24 sections of 25 rows of 25 seats: 15,000 seats; 40 of 35 × 50: 70,000.
const ARENA_15K: ArenaSize = { sections: 24, rowsPerSection: 25, seatsPerRow: 25 };
const ARENA_70K: ArenaSize = { sections: 40, rowsPerSection: 35, seatsPerRow: 50 };

function arena(size: ArenaSize): OwnConcertOptions {
  return { performances: 1, venue: { sections: arenaSections(size), prices: ARENA_PRICES } };
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

test.describe("an arena of 15,000 seats", () => {
  test.use({ concertOptions: arena(ARENA_15K) });
  for (const viewport of VIEWPORTS) {
    test(`/book does not shift while it loads and stays under 3,000 DOM nodes (${viewport.width}px)`, async ({ page, concert, signUpFan }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await signUpFan();
      await admitted(page, concert.id);
      await watchLayoutShifts(page);
      await page.goto(`/concerts/${concert.id}/book`);
      await expect(page.getByRole("button", { name: /^A구역, VIP석, 남은 좌석 625석$/ })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const { shift, sources } = await layoutShift(page);
      const venueNodes = await domSize(page);
      await page.getByRole("button", { name: /^A구역, VIP석/ }).click();
      await expect(page.getByRole("button", { name: /^A구역 25열 25번,/ })).toBeVisible();
      const sectionNodes = await domSize(page);
      console.log(`15,000 seats ${viewport.width}px: shift ${shift.toFixed(3)}, DOM ${venueNodes} (drawing) / ${sectionNodes} (a section)`);
      expect(shift, sources.join("\n")).toBeLessThan(0.1);
      expect(venueNodes).toBeLessThan(3_000);
      expect(sectionNodes).toBeLessThan(3_000);
    });
  }
});

for (const [label, size] of [["15,000", ARENA_15K], ["70,000", ARENA_70K]] as const) {
  test.describe(`time to interactive with ${label} seats`, () => {
    test.use({ concertOptions: arena(size) });
    test(`reports the booking page's time to interactive and DOM size (${label} seats)`, async ({ page, concert, signUpFan }) => {
      test.setTimeout(180_000);
      await signUpFan();
      await admitted(page, concert.id);
      // Warm: the first request of a date fills the server's caches.
      await page.goto(`/concerts/${concert.id}/book`);
      await expect(page.getByRole("button", { name: /^A구역, VIP석/ })).toBeVisible();

      await page.goto(`/concerts/${concert.id}/book`);
      const section = page.getByRole("button", { name: /^A구역, VIP석/ });
      await section.click();
      await expect(page.getByRole("button", { name: /선택 가능$/ }).first()).toBeEnabled();
      // From navigation start until the drawing answered a click with the section's seats.
      const interactiveMs = await page.evaluate(() => performance.now());
      const nodes = await domSize(page);
      const figures = `${label} seats: interactive (section's seats shown after a click) ${Math.round(interactiveMs)} ms, DOM ${nodes} nodes`;
      console.log(figures);
      expect(nodes).toBeLessThan(3_000);
    });
  });
}
