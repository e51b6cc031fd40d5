import type { Page } from "@playwright/test";
import { admin } from "../lib/i18n/ko/admin.ts";
import { forms } from "../lib/i18n/ko/forms.ts";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";

const OPERATOR = { email: "admin@encore.test", password: "encore-admin-1234" };
const SCREENS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

function unique(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 8)}`;
}

/** Korean time as a datetime-local input takes it, `minutes` from now. */
function koreanInput(minutesFromNow: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + minutesFromNow * 60_000).toISOString().slice(0, 16);
}

async function lookAtEveryWidth(page: Page, shot: string) {
  for (const screen of SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`${shot}-${screen.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
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
    await page.getByLabel(admin.venues.fields.sectionName.label).fill("VIP구역");
    await page.getByLabel(admin.venues.fields.grade.label).fill("VIP");
    await page.getByLabel(admin.venues.fields.rows.label).fill("2");
    await page.getByLabel(admin.venues.fields.seatsPerRow.label).fill("5");
    await page.getByRole("button", { name: admin.venues.addSection }).click();
    const second = page.getByRole("listitem").filter({ hasText: admin.venues.section(1) });
    await second.getByLabel(admin.venues.fields.sectionName.label).fill("R구역");
    await second.getByLabel(admin.venues.fields.grade.label).fill("R");
    await second.getByLabel(admin.venues.fields.rows.label).fill("3");
    await second.getByLabel(admin.venues.fields.seatsPerRow.label).fill("10");
    await expect(page.locator("output")).toHaveText(admin.venues.seats(40));
    await page.getByLabel(admin.reason.label).fill("연말 공연 준비");
    await lookAtEveryWidth(page, "console-venue-builder");
    await page.getByRole("button", { name: admin.venues.submit }).click();
    await expect(page).toHaveURL(/\/admin\/venues\?created=/);
    await expect(page.getByRole("status")).toContainText(venueName);

    // A concert in it, a price per grade.
    await page.goto("/admin/concerts/new");
    const title = unique("콘솔 공연");
    await page.getByLabel(admin.concerts.fields.title.label).fill(title);
    await page.getByLabel(admin.concerts.fields.artist.label).fill("콘솔 밴드");
    await page.getByLabel(admin.concerts.fields.venueId.label).selectOption({ label: `${venueName} (${admin.venues.seats(40)})` });
    await page.getByLabel(admin.concerts.fields.price("VIP")).fill("150000");
    await page.getByLabel(admin.concerts.fields.price("R")).fill("90,000");
    await page.getByLabel(admin.reason.label).fill("12월 공연 등록");
    await lookAtEveryWidth(page, "console-concert-new");
    await page.getByRole("button", { name: admin.concerts.submitCreate }).click();
    await expect(page.getByText(admin.concerts.created)).toBeVisible();

    // A date whose booking is open now: the sale is on.
    const addDate = page.getByRole("form", { name: admin.concerts.addDateTitle });
    await addDate.getByLabel(admin.concerts.dateFields.startsAt.label).fill(koreanInput(60 * 24 * 7));
    await addDate.getByLabel(admin.concerts.dateFields.bookingOpensAt.label).fill(koreanInput(-1));
    await addDate.getByLabel(admin.concerts.dateFields.bookingClosesAt.label).fill(koreanInput(60 * 24 * 6));
    await addDate.getByLabel(admin.reason.label).fill("첫 회차");
    await addDate.getByRole("button", { name: admin.concerts.addDate }).click();
    await expect(page.getByText(admin.concerts.dateAdded)).toBeVisible();
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
    await expect(page.getByText(admin.live.seats.available)).toBeVisible();
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
});
