import { formatDateRange } from "../lib/i18n/format.ts";
import { catalog } from "../lib/i18n/ko/catalog.ts";
import { DEMO_CONCERTS } from "../prisma/seed-data.ts";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";

type ConcertSummary = { id: string; title: string; firstPerformanceAt: string; lastPerformanceAt: string };

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
/** A concert that is not sold out, so its page offers the waiting room. */
const OPEN_CONCERT = DEMO_CONCERTS.find((concert) => !concert.isSoldOut)!;

function titlePattern(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

async function listConcerts(request: import("@playwright/test").APIRequestContext): Promise<ConcertSummary[]> {
  const response = await request.get("/api/concerts");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { concerts: ConcertSummary[] }).concerts;
}

test.describe("catalogue", () => {
  test("the home page lists every concert with its date range", async ({ page }) => {
    const concerts = await listConcerts(page.request);
    expect(concerts.map((concert) => concert.title).sort()).toEqual(DEMO_CONCERTS.map((concert) => concert.title).sort());

    await page.goto("/");
    const list = page.getByRole("region", { name: catalog.home.listTitle });
    await expect(list.getByRole("listitem")).toHaveCount(concerts.length);
    for (const concert of concerts) {
      const card = list.getByRole("listitem").filter({ has: page.getByRole("link", { name: concert.title }) });
      await expect(card).toContainText(formatDateRange(concert.firstPerformanceAt, concert.lastPerformanceAt));
    }
  });

  test("a concert page shows its performances and the way into the waiting room", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: OPEN_CONCERT.title }).click();

    await expect(page.getByRole("heading", { level: 1, name: OPEN_CONCERT.title })).toBeVisible();
    await expect(page).toHaveTitle(titlePattern(OPEN_CONCERT.title));
    await expect(page.getByText(OPEN_CONCERT.venue).first()).toBeVisible();
    const performances = page.getByRole("list", { name: catalog.concert.performancesCaption });
    await expect(performances.getByRole("listitem")).toHaveCount(OPEN_CONCERT.performances.length);
    // Signed out, the call to action leads through sign-in back to the waiting room.
    const signInFirst = page.getByRole("link", { name: catalog.concert.ctaSignIn });
    await expect(signInFirst).toBeVisible();
    await expect(signInFirst).toHaveAttribute("href", /\/sign-in\?next=.*queue/);
  });

  test("signed in, the call to action goes straight to the waiting room", async ({ signedInPage: page }) => {
    const concert = (await listConcerts(page.request)).find((candidate) => candidate.title === OPEN_CONCERT.title)!;
    await page.goto(`/concerts/${concert.id}`);
    await expect(page.getByRole("link", { name: catalog.concert.cta, exact: true })).toHaveAttribute(
      "href",
      `/concerts/${concert.id}/queue`,
    );
  });

  test("an unknown concert gets the not-found page", async ({ page }) => {
    const response = await page.goto("/concerts/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  for (const viewport of VIEWPORTS) {
    test(`home and concert pages have no serious accessibility problems (${viewport.name})`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await page.getByRole("link", { name: OPEN_CONCERT.title }).click();
      await expect(page.getByRole("heading", { level: 1, name: OPEN_CONCERT.title })).toBeVisible();
      // The document title arrives with the streamed metadata, after the heading.
      await expect(page).toHaveTitle(titlePattern(OPEN_CONCERT.title));
      await expectNoSeriousA11yViolations(page);
    });
  }
});
