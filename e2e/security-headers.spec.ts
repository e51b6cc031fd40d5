// The headers of the production build's answers, as a browser receives them
// (the proxy sets them; lib/http/security-headers.ts says which).
import type { APIResponse } from "@playwright/test";
import { catalog } from "../lib/i18n/ko/catalog.ts";
import { expect, test } from "./fixtures.ts";

function expectCommonHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers, response.url()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // HSTS comes only from a real deployment; this build runs on http://localhost.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function nonceOf(response: APIResponse): string {
  const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce, `a script nonce in the CSP of ${response.url()}`).toBeTruthy();
  return nonce!;
}

test("every page answer carries the headers and a fresh nonce that each of its scripts carries", async ({ request, concert }) => {
  const nonces = new Set<string>();
  for (const path of ["/", `/concerts/${concert.id}`, "/sign-in", "/api-docs", "/no-such-page", "/concerts/%ZZ"]) {
    const response = await request.get(path);
    expect(response.headers()["content-type"], path).toContain("text/html");
    expectCommonHeaders(response);
    const nonce = nonceOf(response);
    nonces.add(nonce);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(6);
});

test("every API answer, success or error, carries the headers and a policy that lets nothing run", async ({ request }) => {
  const answers: [string, number][] = [
    ["/api/concerts", 200],
    ["/api/health", 200],
    ["/api/me", 401],
    ["/api/no-such-endpoint", 404],
    ["/api/concerts/%ZZ", 404],
    ["/api/payments", 405],
  ];
  for (const [path, status] of answers) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expectCommonHeaders(response);
    expect(response.headers()["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
});

/** What a browser sends when it loads a page as a document (a client navigation's fetch() accepts anything). */
const AS_A_DOCUMENT = { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } };

test("visitors and signed-in fans arriving together share one render of a page, its nonce with it", async ({ browser, request, signedInPage, concert }) => {
  const path = `/concerts/${concert.id}`;
  // Signed in or not, a document load gets the shared render (docs/decisions/091, 135): the browser shows who is signed in.
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? request : signedInPage.request).get(path, AS_A_DOCUMENT)),
  );
  const nonces = new Set<string>();
  for (const response of answers) {
    expect(response.status()).toBe(200);
    expectCommonHeaders(response);
    const nonce = nonceOf(response);
    nonces.add(nonce);
    for (const script of (await response.text()).match(/<script\b[^>]*>/g) ?? []) expect(script).toContain(`nonce="${nonce}"`);
  }
  // One render a second per process: ten at once cannot all be renders of their own.
  expect(nonces.size).toBeLessThan(answers.length);
  // The shared page works in a browser under its policy (the fixture fails the test on any CSP violation).
  const visitorPage = await browser.newPage();
  await visitorPage.goto(path);
  await expect(visitorPage.getByRole("heading", { level: 1, name: concert.title })).toBeVisible();
  await visitorPage.close();
});

test("a visitor's click to a shared page stays a client navigation (its RSC request never gets the shared HTML)", async ({ page, concert }) => {
  await page.goto(`/concerts/${concert.id}`);
  // Next strips its RSC headers before the proxy sees a request; had the RSC
  // request for `/` been answered with the shared HTML, the router would fall
  // back to loading a new document, and this mark would be gone.
  await page.evaluate(() => Object.assign(window, { stillTheSameDocument: true }));
  await page.getByRole("link", { name: catalog.concert.backToList }).click();
  await expect(page.getByRole("heading", { level: 1, name: catalog.home.title })).toBeVisible();
  expect(await page.evaluate(() => (window as { stillTheSameDocument?: boolean }).stillTheSameDocument)).toBe(true);
});
