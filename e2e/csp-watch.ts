// Collects Content-Security-Policy violations of every page a test opens: the
// securitypolicyviolation event (reported from inside the page) and the
// console error Chromium writes for each blocked script, style or frame.
import type { Browser, BrowserContext } from "@playwright/test";

const REPORT_PREFIX = "CSP violation:";

export async function watchForCspViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "an inline resource"}`);
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (message.type() !== "error") return;
    if (text.startsWith(REPORT_PREFIX) || text.includes("Content Security Policy")) violations.push(`${message.page()?.url() ?? "?"} ${text}`);
  });
}

/** Watches the contexts a test makes itself with browser.newContext() too, until the returned function is called. */
export function watchNewContexts(browser: Browser, violations: string[]): () => void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchForCspViolations(context, violations);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}
