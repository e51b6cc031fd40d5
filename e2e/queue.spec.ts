// The waiting room in real browsers: with room for one fan at a time, a
// second fan waits at position 1 and is let in by themselves the moment the
// first fan leaves; a third fan sees the same place from a second tab,
// leaves the line through the confirmation dialog, is not put back in line by
// a reload and joins again by choice; a fan whose turn ends while
// booking is told so and stands in line again only by choice.
import type pg from "pg";
import type { Browser, Page } from "@playwright/test";
import { queue as t } from "../lib/i18n/ko/queue.ts";
import { createOwnConcert, deleteOwnConcert, expect, expectNoSeriousA11yViolations, test, uniqueEmail } from "./fixtures.ts";

let database: pg.Client;
let concertId: string;

test.describe.configure({ mode: "serial" });

// A concert of this spec's own, shared by its tests in turn, with room for one fan at a time. It has no dates, so
// the catalogue does not list it (the admitted fan lands on an empty booking page).
test.beforeAll(async ({ database: connection }) => {
  database = connection;
  concertId = (await createOwnConcert(database, "대기열 e2e 공연", { performances: 0, room: { capacity: 1 } })).id;
});

test.afterAll(async () => {
  await deleteOwnConcert(database, concertId);
});

async function fanInLine(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signUp = await page.request.post("/api/auth/sign-up", { data: { email: uniqueEmail("queue"), password: "queue password", name: "대기 팬" } });
  expect(signUp.status()).toBe(201);
  await page.goto(`/concerts/${concertId}/queue`);
  return page;
}

/** Leaves the line the way the leave button does, after taking the tab off the Encore pages. */
async function leaveLine(page: Page): Promise<void> {
  await page.goto("about:blank");
  const left = await page.request.delete(`/api/queue?concertId=${concertId}`);
  expect(left.status()).toBe(204);
}

/** Places in this concert's line that are still live (waiting or admitted). */
async function livePlaces(): Promise<number> {
  const { rows } = await database.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM queue_tokens WHERE concert_id = $1 AND status IN ('WAITING', 'ADMITTED')",
    [concertId],
  );
  return rows[0]!.count;
}

const waitingHeading = (page: Page) => page.getByRole("heading", { name: t.waiting.title });
const ticketBadge = (page: Page) => page.getByText(new RegExp(`^${t.waiting.ticketLabel} `));

test("the second fan waits at position 1 and is admitted by themselves when the first fan leaves", async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await fanInLine(browser);
  await first.waitForURL(`**/concerts/${concertId}/book`, { timeout: 30_000 });

  const second = await fanInLine(browser);
  await expect(waitingHeading(second)).toBeVisible();
  await expect(second.getByText(t.waiting.nextUp)).toBeVisible();
  await expect(second.locator("p", { hasText: t.waiting.positionUnit }).first()).toHaveText(`1${t.waiting.positionUnit}`);
  await expect(second.getByRole("progressbar", { name: t.waiting.progressLabel })).toBeVisible();
  await expectNoSeriousA11yViolations(second);

  // The first fan gives up the turn, as the leave button does.
  await leaveLine(first);

  await expect(second.getByRole("heading", { name: t.admitted.title })).toBeVisible({ timeout: 30_000 });
  await second.waitForURL(`**/concerts/${concertId}/book`, { timeout: 30_000 });
  await leaveLine(second);
  await second.context().close();
  await first.context().close();
});

test("a fan sees the same place from a second tab, and leaves the line through the confirmation", async ({ browser }) => {
  test.setTimeout(60_000);
  // Someone holds the only place, so this fan keeps waiting.
  const ahead = await fanInLine(browser);
  await ahead.waitForURL(`**/concerts/${concertId}/book`, { timeout: 30_000 });

  const fan = await fanInLine(browser);
  await expect(waitingHeading(fan)).toBeVisible();
  const ticket = await ticketBadge(fan).innerText();
  const otherTab = await fan.context().newPage();
  await otherTab.goto(`/concerts/${concertId}/queue`);
  await expect(waitingHeading(otherTab)).toBeVisible();
  await expect(ticketBadge(otherTab)).toHaveText(ticket);
  await otherTab.close();

  await fan.getByRole("button", { name: t.leave.button }).click();
  const dialog = fan.getByRole("dialog", { name: t.leave.confirmTitle });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(fan);
  await dialog.getByRole("button", { name: t.leave.confirm, exact: true }).click();
  await expect(fan.getByRole("heading", { name: t.outcome.leftTitle })).toBeVisible();
  await expect(fan.getByRole("button", { name: t.outcome.rejoin })).toBeVisible();
  // The page replaces its address with ?turn=left, a client navigation that
  // briefly has no <title>: check the page once it has landed.
  await fan.waitForURL(`**/concerts/${concertId}/queue?turn=left`);
  await expect(fan).toHaveTitle(/\S/);
  await expectNoSeriousA11yViolations(fan);

  // A reload still shows that the fan left, and does not put them back in line.
  await fan.reload({ waitUntil: "networkidle" });
  await expect(fan.getByRole("heading", { name: t.outcome.leftTitle })).toBeVisible();
  expect(await livePlaces()).toBe(1);

  // Joining again is the fan's choice, and the URL stops saying they left.
  await fan.getByRole("button", { name: t.outcome.rejoin }).click();
  await expect(waitingHeading(fan)).toBeVisible();
  await fan.waitForURL(`**/concerts/${concertId}/queue`);
  expect(await livePlaces()).toBe(2);

  await leaveLine(fan);
  await fan.context().close();
  await leaveLine(ahead);
  await ahead.context().close();
});

test("a fan whose turn ends while booking is told so, and joins the line again only by choice", async ({ browser }) => {
  test.setTimeout(90_000);
  const fan = await fanInLine(browser);
  await fan.waitForURL(`**/concerts/${concertId}/book`, { timeout: 30_000 });

  // The turn ends elsewhere, as a payment in another tab ends it; the open booking page is reloaded.
  await database.query(
    "UPDATE queue_tokens SET status = 'ENDED', end_reason = 'PAID', ended_at = now() WHERE concert_id = $1 AND status = 'ADMITTED'",
    [concertId],
  );
  await fan.reload();

  await fan.waitForURL(`**/concerts/${concertId}/queue?turn=ended`);
  await expect(fan.getByRole("heading", { name: t.outcome.expiredTitle })).toBeVisible();
  await expectNoSeriousA11yViolations(fan);
  // Not back in line by itself: the ended place is all the fan has.
  await expect.poll(async () => (await fan.request.get(`/api/queue/status?concertId=${concertId}`)).status()).toBe(410);

  await fan.getByRole("button", { name: t.outcome.rejoin }).click();
  await fan.waitForURL(`**/concerts/${concertId}/book`, { timeout: 30_000 });
  await leaveLine(fan);
  await fan.context().close();
});

test("before opening, a fan is told how far off the opening is in days and hours, on a phone too", async ({ page, signUpFan }) => {
  const opensInSeconds = (45 * 60 + 47) * 60 + 30;
  const early = await createOwnConcert(database, "오픈 전 e2e 공연", { room: { opensAt: new Date(Date.now() + opensInSeconds * 1_000) } });
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpFan();

  await page.goto(`/concerts/${early.id}/queue`);

  await expect(page.getByRole("heading", { name: t.prequeue.title })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(t.prequeue.daysAndHours(1, 21));
  await expectNoSeriousA11yViolations(page);
  await deleteOwnConcert(database, early.id);
});
