// The API reference page (/api-docs): readable on a desktop and a phone, no
// serious accessibility violation, and every in-page link and label lands on
// an element that exists.
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`/api-docs at ${viewport.width} px: sections labelled, links resolve, no serious axe violation`, async ({ page }, testInfo) => {
    // axe walks every element of the whole reference: slow on a busy machine.
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: "Encore API" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Waiting room" })).toBeVisible();

    const broken = await page.evaluate(() => {
      const problems: string[] = [];
      for (const element of document.querySelectorAll("[id]")) {
        if (/\s/.test(element.id)) problems.push(`id with a space: "${element.id}"`);
      }
      for (const element of document.querySelectorAll("[aria-labelledby]")) {
        for (const id of element.getAttribute("aria-labelledby")!.split(/\s+/)) {
          if (!document.getElementById(id)) problems.push(`aria-labelledby points at no element: "${id}"`);
        }
      }
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute("href")!.slice(1));
        if (!document.getElementById(id)) problems.push(`link to no element: "#${id}"`);
      }
      return problems;
    });
    expect(broken).toEqual([]);

    await page.screenshot({ path: testInfo.outputPath(`api-docs-${viewport.width}.png`) });
    await expectNoSeriousA11yViolations(page);
  });
}
