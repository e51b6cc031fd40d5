// The booking page of an arena in Chromium (issue 12): its time to
// interactive and its DOM size with 15,000 and 70,000 seats (the lib's
// KSPO_DOME_LIKE and STADIUM_LIKE venues), at 1280 and 390 px, on the bench's
// production build. Times are from the navigation's start (after one warm
// visit of the date), the median of RUNS visits:
//   - drawing: the venue's first section button is shown;
//   - interactive: a click on that section has shown its seats, ready to pick
//     (the page answers input with the data a fan needs).
// The DOM size (`document.querySelectorAll('*').length`) is taken with the
// drawing shown and with a section open; e2e/arena-size.spec.ts asserts it
// stays under 3,000.
//
//   npm run bench -- arena-page
import { chromium, type Browser, type BrowserContext } from "playwright";
import type { BenchContext, ScenarioReport } from "../lib/context.ts";
import { admitToConcert, createBenchConcert } from "../lib/concert.ts";
import { queueCookieName } from "@/lib/queue/token";
import { arenaSeatCount, arenaSections, ARENA_PRICES, KSPO_DOME_LIKE, STADIUM_LIKE, type ArenaPlan } from "@/lib/venues/arena-layout";

const RUNS = process.argv.includes("--smoke") ? 1 : 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
const FIRST_SECTION = /^F1구역, /;
const FREE_SEAT = /선택 가능$/;

type Visit = { drawingMs: number; interactiveMs: number; drawingNodes: number; sectionNodes: number };

async function signedInContext(ctx: BenchContext, browser: Browser, concertId: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const [fan] = await ctx.createFans(1);
  const tokens = await admitToConcert(ctx, concertId, [fan!]);
  const context = await browser.newContext({ viewport, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const [name, ...value] = fan!.cookie.split("=");
  const url = ctx.baseUrl;
  await context.addCookies([
    { name: name!, value: value.join("="), url },
    { name: queueCookieName(concertId), value: tokens.get(fan!.id)!, url },
  ]);
  return context;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  await page.goto(url);
  const section = page.getByRole("button", { name: FIRST_SECTION });
  await section.waitFor();
  const drawingMs = await page.evaluate(() => performance.now());
  const drawingNodes = await page.evaluate(() => document.querySelectorAll("*").length);
  await section.click();
  await page.getByRole("button", { name: FREE_SEAT }).first().waitFor();
  const interactiveMs = await page.evaluate(() => performance.now());
  const sectionNodes = await page.evaluate(() => document.querySelectorAll("*").length);
  await page.close();
  return { drawingMs, interactiveMs, drawingNodes, sectionNodes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function arenaPage(ctx: BenchContext): Promise<ScenarioReport> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: { seats: number; sections: number; width: number; drawingMs: number; interactiveMs: number; drawingNodes: number; sectionNodes: number }[] = [];
  try {
    for (const [title, plan] of [["아레나 페이지 (1만 5천 석)", KSPO_DOME_LIKE], ["스타디움 페이지 (7만 석)", STADIUM_LIKE]] as [string, ArenaPlan][]) {
      ctx.log(`Preparing ${title}…`);
      const sections = arenaSections(plan);
      const { concertId } = await createBenchConcert(ctx, { title, performances: 1, venue: { name: title, sections, prices: { ...ARENA_PRICES } } });
      for (const viewport of VIEWPORTS) {
        const context = await signedInContext(ctx, browser, concertId, viewport);
        const url = `${ctx.baseUrl}/concerts/${concertId}/book`;
        await visit(context, url); // warm: the first look at a date fills the server's caches
        const visits: Visit[] = [];
        for (let run = 0; run < RUNS; run++) visits.push(await visit(context, url));
        await context.close();
        rows.push({
          seats: arenaSeatCount(plan), sections: sections.length, width: viewport.width,
          drawingMs: median(visits.map((one) => one.drawingMs)), interactiveMs: median(visits.map((one) => one.interactiveMs)),
          drawingNodes: Math.max(...visits.map((one) => one.drawingNodes)), sectionNodes: Math.max(...visits.map((one) => one.sectionNodes)),
        });
      }
    }
  } finally {
    await browser.close();
  }
  const reference = await ctx.measureReference({ connections: 20, durationSeconds: 3 });
  return {
    reference,
    results: [],
    notes: [
      "seats / sections / width: drawing shown, section's seats shown after a click (median ms from navigation start); DOM nodes with the drawing / a section open (largest)",
      ...rows.map((row) =>
        `${row.seats.toLocaleString("en")} seats / ${row.sections} sections / ${row.width}px: drawing ${Math.round(row.drawingMs)} ms, interactive ${Math.round(row.interactiveMs)} ms; ` +
        `DOM ${row.drawingNodes.toLocaleString("en")} / ${row.sectionNodes.toLocaleString("en")} nodes (limit 3,000)`),
      `${RUNS} visits each after a warm one; the reference above shows how loaded the machine was (compare it with an idle run's).`,
    ],
    extra: { rows },
  };
}
