// Playwright fixtures, one per concept. Accounts are made through the API
// with the page's own request context, so the browser holds the session
// cookie; each run starts on a fresh database, so accounts are never reused.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export type Fan = { id: string; email: string; password: string; name: string };

type Fixtures = {
  /** Signs up a new fan through POST /api/auth/sign-up; the page's browser context is then signed in as them. */
  signUpFan: (options?: Partial<Pick<Fan, "name" | "password">>) => Promise<Fan>;
  /** Signs the page's browser context in through POST /api/auth/sign-in. */
  signInAs: (email: string, password: string) => Promise<void>;
  /** A page whose browser context is signed in as a fan created for this test. */
  signedInPage: Page;
};

export function uniqueEmail(prefix = "fan"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@e2e.test`;
}

export const test = base.extend<Fixtures>({
  signUpFan: async ({ page }, provide) => {
    let signedUp = false;
    await provide(async (options = {}) => {
      const fan = { email: uniqueEmail(), password: options.password ?? "e2e-password-1234", name: options.name ?? "테스트 팬" };
      const response = await page.request.post("/api/auth/sign-up", { data: fan });
      expect(response.status(), await response.text()).toBe(201);
      const { user } = (await response.json()) as { user: { id: string } };
      signedUp = true;
      return { ...fan, id: user.id };
    });
    // End the session the fixture opened, as a fan signing out would.
    if (signedUp) await page.request.post("/api/auth/sign-out").catch(() => undefined);
  },

  signInAs: async ({ page }, provide) => {
    await provide(async (email, password) => {
      const response = await page.request.post("/api/auth/sign-in", { data: { email, password } });
      expect(response.status(), await response.text()).toBe(200);
    });
  },

  signedInPage: async ({ page, signUpFan }, provide) => {
    await signUpFan();
    await provide(page);
  },
});

export { expect };

const SERIOUS_IMPACTS = new Set(["serious", "critical"]);

/** Runs axe (WCAG 2.1 A/AA) on the page as it is now; fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => SERIOUS_IMPACTS.has(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  expect(serious, `Serious accessibility violations on ${page.url()}`).toEqual([]);
}
