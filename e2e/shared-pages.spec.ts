// The pages every fan lands on (`/`, `/concerts/{id}`) are one render shared
// by visitors and signed-in fans alike (docs/decisions/135): the browser fills
// in who is signed in. Each fan sees their own name and no one else's, a
// visitor the way to sign in, nobody the wrong state while the browser asks,
// and nothing moves when the answer comes.
import type { Browser, Page } from "@playwright/test";
import { catalog } from "../lib/i18n/ko/catalog.ts";
import { common } from "../lib/i18n/ko/common.ts";
import { expect, expectNoSeriousA11yViolations, test, uniqueEmail, type Fan } from "./fixtures.ts";
import { layoutShift, watchLayoutShifts } from "./layout-shift.ts";

const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
/** What a browser sends when it loads a page as a document. */
const AS_A_DOCUMENT = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };

type Viewport = (typeof VIEWPORTS)[number];
type Visit = { page: Page; fan: Fan | null };

/** A browser of its own, signed in as a new fan with this name (or a visitor's). */
async function openBrowser(browser: Browser, viewport: Viewport, name: string | null): Promise<Visit> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await watchLayoutShifts(page);
  if (name === null) return { page, fan: null };
  const fan = { email: uniqueEmail(), password: "e2e-password-1234", name, id: "" };
  const response = await page.request.post("/api/auth/sign-up", { data: fan });
  expect(response.status(), await response.text()).toBe(201);
  return { page, fan };
}

/** Holds the browser's GET /api/me until released, so the state before the answer can be looked at. */
async function holdViewerAnswer(page: Page): Promise<{ asked: Promise<void>; release: () => void }> {
  let release!: () => void;
  let markAsked!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (markAsked = resolve));
  await page.route("**/api/me", async (route) => {
    markAsked();
    await released;
    await route.continue();
  });
  return { asked, release };
}

/** Two animation frames: the layout after the last change has been laid out and its shifts reported. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function expectNeutralHeader(page: Page): Promise<void> {
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: common.nav.signIn, exact: true })).toHaveCount(0);
  await expect(banner.getByRole("button", { name: common.nav.signOut })).toHaveCount(0);
}

async function expectViewerShown({ page, fan }: Visit, others: Fan[], concertPath: string | null): Promise<void> {
  const banner = page.getByRole("banner");
  if (fan) {
    await expect(banner.getByRole("button", { name: common.nav.signOut })).toBeVisible();
    await expect(banner).toContainText(common.nav.signedInAs(fan.name));
    await expect(banner.getByRole("link", { name: common.nav.wallet })).toBeVisible();
  } else {
    await expect(banner.getByRole("link", { name: common.nav.signIn, exact: true })).toBeVisible();
    await expect(banner.getByRole("button", { name: common.nav.signOut })).toHaveCount(0);
  }
  if (concertPath) {
    const entry = fan
      ? page.getByRole("link", { name: catalog.concert.cta, exact: true })
      : page.getByRole("link", { name: catalog.concert.ctaSignIn });
    await expect(entry).toBeVisible();
    if (fan) {
      await expect(entry).toHaveAttribute("href", `${concertPath}/queue`);
      await expect(page.getByText(catalog.concert.ctaSignedInHint(fan.name))).toBeVisible();
    }
  }
  for (const other of others) await expect(page.locator("body")).not.toContainText(other.name);
}

// Three browsers and two axe runs a test: several times an ordinary test's work (on a
// machine loaded by other builds, a page load alone took 40 s).
test.describe.configure({ timeout: 300_000 });

for (const viewport of VIEWPORTS) {
  for (const pageName of ["home", "concert"] as const) {
    test(`on the ${pageName} page each fan sees their own name, a visitor the way to sign in, and nothing moves (${viewport.width}px)`, async ({ browser, concert }, testInfo) => {
      // Names found nowhere else on these pages, so a leak would show.
      const first = await openBrowser(browser, viewport, "가람팬");
      const second = await openBrowser(browser, viewport, "나래팬");
      const visitor = await openBrowser(browser, viewport, null);
      const fans = [first.fan!, second.fan!];
      const concertPath = `/concerts/${concert.id}`;
      const path = pageName === "home" ? "/" : concertPath;

      for (const [who, visit] of [["fan", first], ["other-fan", second], ["visitor", visitor]] as const) {
        const { page, fan } = visit;
        const hold = await holdViewerAnswer(page);
        await page.goto(path);
        await hold.asked;
        // Before the answer: neither state, not the wrong one.
        await expectNeutralHeader(page);
        if (who !== "other-fan") await page.screenshot({ path: testInfo.outputPath(`${pageName}-${who}-pending-${viewport.width}.png`) });
        hold.release();
        await expectViewerShown(visit, fans.filter((other) => other !== fan), pageName === "concert" ? concertPath : null);
        await nextFrames(page);
        const { shift, sources } = await layoutShift(page);
        console.log(`${pageName} ${who} ${viewport.width}px: layout shift ${shift.toFixed(4)}`);
        expect(shift, sources.join("\n")).toBeLessThan(0.1);
        if (who === "other-fan") continue;
        await expectNoSeriousA11yViolations(page);
        await page.screenshot({ path: testInfo.outputPath(`${pageName}-${who}-${viewport.width}.png`) });
      }

      // What the server sent a fan is the shared render: no name, no email, theirs or anyone's.
      const html = await (await first.page.request.get(path, AS_A_DOCUMENT)).text();
      for (const fan of fans) {
        expect(html).not.toContain(fan.name);
        expect(html).not.toContain(fan.email);
      }
      for (const visit of [first, second]) await visit.page.request.post("/api/auth/sign-out");
      for (const visit of [first, second, visitor]) await visit.page.context().close();
    });
  }
}

test("after signing out on a shared page, the header and the call to action are a visitor's at once", async ({ page, signUpFan, concert }) => {
  const fan = await signUpFan({ name: "다온팬" });
  await page.goto(`/concerts/${concert.id}`);
  const banner = page.getByRole("banner");
  await expect(banner).toContainText(common.nav.signedInAs(fan.name));
  await banner.getByRole("button", { name: common.nav.signOut }).click();
  await expect(banner.getByRole("link", { name: common.nav.signIn, exact: true })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(fan.name);
});

test("with JavaScript off, the shared page's header links to the fan's account, which asks a visitor to sign in", async ({ browser, page, signUpFan }) => {
  const fan = await signUpFan({ name: "라온팬" });
  const signedIn = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const fanPage = await signedIn.newPage();
  await fanPage.goto("/");
  await fanPage.getByRole("banner").getByRole("link", { name: common.nav.account }).click();
  await expect(fanPage).toHaveURL(/\/wallet$/);
  await expect(fanPage.getByRole("banner")).toContainText(common.nav.signedInAs(fan.name));
  await signedIn.close();

  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/");
  await visitorPage.getByRole("banner").getByRole("link", { name: common.nav.account }).click();
  await expect(visitorPage).toHaveURL(/\/sign-in\?next=%2Fwallet$/);
  await visitor.close();
});
