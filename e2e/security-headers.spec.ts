// The headers of the production build's answers, as a browser receives them
// (the proxy sets them; lib/http/security-headers.ts says which).
import type { APIResponse } from "@playwright/test";
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
