// What the console specs share: the demo operator, unique names, Korean times and the two-width look.
import type { Locator, Page } from "@playwright/test";
import { admin } from "../lib/i18n/ko/admin.ts";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";

export const OPERATOR = { email: "admin@encore.test", password: "encore-admin-1234" };

export const SCREENS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

export function unique(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 8)}`;
}

/** Korean time as a datetime-local input takes it, `minutes` from now. */
export function koreanInput(minutesFromNow: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + minutesFromNow * 60_000).toISOString().slice(0, 16);
}

/** axe at 1280 and 390 px, with a full-page screenshot of each, then back to the desktop width. */
export async function lookAtEveryWidth(page: Page, shot: string) {
  for (const screen of SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`${shot}-${screen.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

type SectionFields = { name: string; grade: string; rows: number; seatsPerRow: number };

/** Fills one section row of the venue builder (the page's first, or the list item given). */
export async function fillSection(scope: Page | Locator, section: SectionFields) {
  await scope.getByLabel(admin.venues.fields.sectionName.label).fill(section.name);
  await scope.getByLabel(admin.venues.fields.grade.label).fill(section.grade);
  await scope.getByLabel(admin.venues.fields.rows.label).fill(String(section.rows));
  await scope.getByLabel(admin.venues.fields.seatsPerRow.label).fill(String(section.seatsPerRow));
}

/** Fills the new-concert form: its title, artist, venue (by its option's label), a price per grade and the reason. */
export async function fillConcert(page: Page, concert: { title: string; artist: string; venueOption: string; prices: Record<string, string>; reason: string }) {
  await page.getByLabel(admin.concerts.fields.title.label).fill(concert.title);
  await page.getByLabel(admin.concerts.fields.artist.label).fill(concert.artist);
  await page.getByLabel(admin.concerts.fields.venueId.label).selectOption({ label: concert.venueOption });
  for (const [grade, price] of Object.entries(concert.prices)) await page.getByLabel(admin.concerts.fields.price(grade)).fill(price);
  await page.getByLabel(admin.reason.label).fill(concert.reason);
}

/** Adds a date a week away whose booking opened a minute ago (the sale is on), on the concert's page. */
export async function addDateOnSaleNow(page: Page, reason: string) {
  const addDate = page.getByRole("form", { name: admin.concerts.addDateTitle });
  await addDate.getByLabel(admin.concerts.dateFields.startsAt.label).fill(koreanInput(60 * 24 * 7));
  await addDate.getByLabel(admin.concerts.dateFields.bookingOpensAt.label).fill(koreanInput(-1));
  await addDate.getByLabel(admin.concerts.dateFields.bookingClosesAt.label).fill(koreanInput(60 * 24 * 6));
  await addDate.getByLabel(admin.reason.label).fill(reason);
  await addDate.getByRole("button", { name: admin.concerts.addDate }).click();
  await expect(page.getByText(admin.concerts.dateAdded)).toBeVisible();
}
