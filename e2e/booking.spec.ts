// Booking in a real browser: an admitted fan holds two seats, watches the
// countdown, releases one and sees the map follow; a second fan sees the seat
// that is still held as taken and the released one as free.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const PHONE = { width: 390, height: 844 };

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A new fan, signed up through the API, who joins the line in the UI and lands on the booking page once admitted. */
async function admittedFan(browser: Browser, concertId: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const email = `booking-${Date.now()}-${Math.random().toString(16).slice(2)}@example.test`;
  const signUp = await page.request.post("/api/auth/sign-up", { data: { email, password: "booking password", name: "좌석 테스트" } });
  expect(signUp.status()).toBe(201);
  await page.goto(`/concerts/${concertId}/queue`);
  await page.waitForURL(`**/concerts/${concertId}/book`, { timeout: 60_000 });
  return page;
}

/** Chooses the latest bookable date and returns its label. */
async function chooseLastDate(page: Page): Promise<string> {
  const dates = page.getByRole("radio");
  await expect(dates.first()).toBeVisible();
  const enabled = dates.and(page.locator(":enabled"));
  const last = enabled.last();
  const label = (await last.locator("xpath=..").innerText()).split("\n")[0]!;
  await last.check();
  return label;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const seat = (page: Page, name: string) => page.getByRole("button", { name: new RegExp(`^${escapeRegExp(name)},`) });

test("a fan holds two seats, sees the countdown, releases one; another fan sees the map accordingly", async ({ browser, request, concert }) => {
  test.setTimeout(150_000);
  // The catalogue is a snapshot up to a second old: the concert just made shows within it.
  await expect.poll(async () => {
    const { concerts } = await (await request.get("/api/concerts")).json();
    return concerts.find((candidate: { id: string }) => candidate.id === concert.id)?.status;
  }, { message: "the test's concert is on sale" }).toBe("ON_SALE");

  const fan = await admittedFan(browser, concert.id);
  await expect(fan.getByRole("heading", { level: 1 })).toHaveText(concert.title);
  await expect(fan.getByRole("timer", { name: /남은 예매 시간/ })).toBeVisible();
  const dateLabel = await chooseLastDate(fan);

  const available = fan.getByRole("button", { name: /선택 가능$/ });
  await expect(available.first()).toBeVisible();
  const [first, second] = await Promise.all([0, 1].map(async (index) => (await available.nth(index).getAttribute("aria-label"))!.split(",")[0]!));
  await seat(fan, first!).click();
  await seat(fan, second!).click();
  await expect(seat(fan, first!)).toHaveAttribute("aria-pressed", "true");
  await fan.getByRole("button", { name: "선택 좌석 잡기" }).click();

  await expect(fan.getByText(/2석을 5분 동안 잡았어요/)).toBeVisible();
  await expect(seat(fan, first!)).toHaveAccessibleName(/내가 잡은 좌석$/);
  await expect(seat(fan, second!)).toHaveAccessibleName(/내가 잡은 좌석$/);
  const holds = fan.getByRole("region", { name: "잡아 둔 좌석" });
  await expect(holds.getByRole("timer", { name: new RegExp(`^${escapeRegExp(first!)} 남은 시간 [45]:[0-5][0-9]$`) })).toBeVisible();
  await expect(holds.getByRole("link", { name: /^결제하기 · 2석/ })).toHaveAttribute("href", `/concerts/${concert.id}/checkout`);
  await expectAccessible(fan);

  await holds.getByRole("button", { name: `${second} 해제` }).click();
  await expect(holds.getByRole("button", { name: `${second} 해제` })).toHaveCount(0);
  await expect(seat(fan, second!)).toHaveAccessibleName(/선택 가능$/);
  await expect(seat(fan, first!)).toHaveAccessibleName(/내가 잡은 좌석$/);
  await expect(holds.getByRole("link", { name: /^결제하기 · 1석/ })).toBeVisible();

  const other = await admittedFan(browser, concert.id, PHONE);
  await other.getByRole("radio", { name: new RegExp(`^${escapeRegExp(dateLabel)}`) }).check();
  await expect(seat(other, first!)).toHaveAccessibleName(/다른 분이 선택 중$/);
  await expect(seat(other, first!)).toHaveAttribute("aria-disabled", "true");
  await expect(seat(other, second!)).toHaveAccessibleName(/선택 가능$/);
  // A taken seat can be reached and read, but choosing it does nothing.
  await seat(other, first!).focus();
  await other.keyboard.press("Enter");
  await expect(seat(other, first!)).toHaveAttribute("aria-pressed", "false");
  await expect(other.getByRole("region", { name: "선택한 좌석" }).getByRole("listitem")).toHaveCount(0);
  await expectAccessible(other);

  // Releasing the last hold empties the list.
  await holds.getByRole("button", { name: `${first} 해제` }).click();
  await expect(holds.getByText("아직 잡아 둔 좌석이 없어요.")).toBeVisible();
  await fan.context().close();
  await other.context().close();
});
