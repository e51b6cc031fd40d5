// Playwright fixtures, one per concept. Accounts are made through the API
// with the page's own request context, so the browser holds the session
// cookie; each run starts on a fresh database, so accounts are never reused.
// Concerts a spec books or queues for are its own (`concert`, or
// createOwnConcert in a serial spec's beforeAll), so specs running side by
// side never meet in one line or on one seat map.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { gradePrices, hallSections, type VenueSectionSpec } from "../lib/venues/hall-layout.ts";
import { SEAT_GRADES } from "../prisma/seed-data.ts";
import { watchForCspViolations, watchNewContexts } from "./csp-watch.ts";

export type Fan = { id: string; email: string; password: string; name: string };

/** The e2e server's database (scripts/e2e-server.ts: embedded PostgreSQL, database encore_e2e). */
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ?? `postgresql://encore:encore-local@127.0.0.1:${process.env.E2E_POSTGRES_PORT ?? 54333}/encore_e2e`;

export type OwnConcertOptions = {
  /** Dates on sale, 7, 8, … days from now, each with the venue's seats. 0 keeps the concert out of the catalogue. Default 2. */
  performances?: number;
  /** The waiting room: by default open since a minute ago, room for 100, admitting 6,000 a minute. */
  room?: { capacity?: number; admissionRatePerMinute?: number; opensAt?: Date };
  /** The venue and the price of each of its grades; by default the demo's 50-seat hall. */
  venue?: { sections: VenueSectionSpec[]; prices: Record<string, number> };
};

export type OwnConcert = { id: string; title: string; performanceIds: string[] };

/** Creates a concert that only the caller uses; delete it with deleteOwnConcert. */
export async function createOwnConcert(database: pg.Client, label: string, options: OwnConcertOptions = {}): Promise<OwnConcert> {
  const title = `${label} ${randomUUID().slice(0, 8)}`;
  const { rows } = await database.query<{ id: string; performance_ids: string[] }>(
    `WITH concert AS (
       INSERT INTO concerts (title, artist, venue_id, description) VALUES ($1, 'e2e', create_venue('e2e 홀', $6::jsonb), 'e2e') RETURNING id
     ), price AS (
       INSERT INTO concert_prices (concert_id, grade, price)
       SELECT concert.id, price.key, price.value::bigint FROM concert, jsonb_each_text($7::jsonb) AS price
     ), room AS (
       INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
       SELECT id, $2, $3, 600, 60, coalesce($4::timestamptz, now() - interval '1 minute') FROM concert
     ), performance AS (
       INSERT INTO performances (concert_id, starts_at, booking_opens_at, booking_closes_at)
       SELECT concert.id, now() + (day + 7) * interval '1 day', now() - interval '1 day', now() + (day + 7) * interval '1 day' - interval '2 hours'
       FROM concert, generate_series(0, $5 - 1) AS day
       RETURNING id, starts_at
     )
     SELECT concert.id, coalesce((SELECT array_agg(id::text ORDER BY starts_at) FROM performance), '{}') AS performance_ids FROM concert`,
    [
      title,
      options.room?.capacity ?? 100,
      options.room?.admissionRatePerMinute ?? 6000,
      options.room?.opensAt ?? null,
      options.performances ?? 2,
      JSON.stringify(options.venue?.sections ?? hallSections(SEAT_GRADES)),
      JSON.stringify(options.venue?.prices ?? gradePrices(SEAT_GRADES)),
    ],
  );
  await database.query("SELECT create_performance_seats(id) FROM unnest($1::uuid[]) AS id", [rows[0]!.performance_ids]);
  return { id: rows[0]!.id, title, performanceIds: rows[0]!.performance_ids };
}

/**
 * Removes a concert made by createOwnConcert, with its dates, seats, holds and
 * places in line, unless it sold a seat or an operator changed it. Then it
 * stays whole, as it would in production: payments, refunds, the ledger and
 * the audit log are never deleted (decision 070; the audit log refuses even
 * the UPDATE that deleting its concert would make), and deleting the seats
 * would leave payments without the seats they paid for, which the
 * whole-database invariant check of a spec running beside it would see.
 */
export async function deleteOwnConcert(database: pg.Client, concertId: string): Promise<void> {
  const { rows } = await database.query<{ venue_id: string }>(
    `DELETE FROM concerts c WHERE c.id = $1
       AND NOT EXISTS (SELECT 1 FROM performances p JOIN reservations r ON r.performance_id = p.id
                       WHERE p.concert_id = c.id AND r.payment_id IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.concert_id = c.id)
     RETURNING venue_id`,
    [concertId],
  );
  await database.query("DELETE FROM venues WHERE id = ANY($1::uuid[])", [rows.map((row) => row.venue_id)]);
}

type WorkerFixtures = {
  /** A connection to the e2e server's database, for setting up and checking what the UI cannot show. */
  database: pg.Client;
};

type Fixtures = {
  /** Every test fails on a Content-Security-Policy violation in any page it opened (automatic). */
  cspViolations: string[];
  /** Options for `concert`; set with test.use({ concertOptions: … }). */
  concertOptions: OwnConcertOptions;
  /** A concert on sale that only this test books or queues for, deleted afterwards unless it sold a seat (deleteOwnConcert). */
  concert: OwnConcert;
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

export const test = base.extend<Fixtures, WorkerFixtures>({
  database: [
    async ({}, provide) => {
      const database = new pg.Client({ connectionString: E2E_DATABASE_URL });
      await database.connect();
      await provide(database);
      await database.end();
    },
    { scope: "worker" },
  ],

  concertOptions: [{}, { option: true }],

  cspViolations: [
    async ({ browser, context }, provide) => {
      const violations: string[] = [];
      await watchForCspViolations(context, violations);
      const stopWatching = watchNewContexts(browser, violations);
      await provide(violations);
      stopWatching();
      expect(violations, "Content-Security-Policy violations in the pages this test opened").toEqual([]);
    },
    { auto: true },
  ],

  concert: async ({ database, concertOptions }, provide, testInfo) => {
    const concert = await createOwnConcert(database, `e2e ${testInfo.titlePath.at(-1)!.slice(0, 40)}`, concertOptions);
    await provide(concert);
    await deleteOwnConcert(database, concert.id);
  },

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

/**
 * Runs axe (WCAG 2.1 A/AA) on the page as it is now; fails on any serious or critical violation.
 * Next streams a dynamic page's metadata after its first bytes, so the check waits for the
 * document's title first: a page that never gets one still fails, by this wait's timeout.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
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
