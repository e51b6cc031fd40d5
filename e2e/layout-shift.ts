// Cumulative layout shift as the browser measures it, for specs that check a
// page does not jump while it loads (below 0.1, Google's "good" CLS).
import type { Page } from "@playwright/test";

/** Sums layout shifts not caused by input from the first paint on, as Chrome's CLS does (without session windows: an upper bound). */
export async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    const global = window as unknown as { layoutShift: number; layoutShiftSources: string[] };
    global.layoutShift = 0;
    global.layoutShiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        if (entry.hadRecentInput) continue;
        global.layoutShift += entry.value;
        // What moved, for a failure's message.
        for (const source of entry.sources) {
          const node = source.node as Element | undefined;
          global.layoutShiftSources.push(
            `${entry.value.toFixed(3)} ${node?.nodeName ?? "?"}.${String(node?.className ?? "").slice(0, 40)} y ${source.previousRect.y}→${source.currentRect.y} h ${source.previousRect.height}→${source.currentRect.height}`,
          );
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout shift summed so far, and what moved. */
export async function layoutShift(page: Page): Promise<{ shift: number; sources: string[] }> {
  return page.evaluate(() => {
    const global = window as unknown as { layoutShift: number; layoutShiftSources: string[] };
    return { shift: global.layoutShift, sources: global.layoutShiftSources };
  });
}
