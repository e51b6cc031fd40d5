// What Next itself routes, checked against the production server: unknown
// /api paths, wrong methods, malformed percent-escapes and oversized bodies
// all answer the JSON error body (the 404 page for pages), never a bare 500.
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures.ts";

const MALFORMED = "%ZZ";

/** Every dynamic /api route, with the method it serves. */
const DYNAMIC_API_ROUTES = [
  ["GET", `/api/concerts/${MALFORMED}`],
  ["GET", `/api/concerts/${MALFORMED}/performances`],
  ["POST", `/api/concerts/${MALFORMED}/queue`],
  ["GET", `/api/performances/${MALFORMED}/seats`],
  ["DELETE", `/api/reservations/${MALFORMED}`],
  ["GET", `/api/performances/%E0%A4/seats`],
  ["GET", `/api/no-such-endpoint/${MALFORMED}`],
] as const;

const DYNAMIC_PAGES = [
  `/concerts/${MALFORMED}`,
  `/concerts/${MALFORMED}/book`,
  `/concerts/${MALFORMED}/checkout`,
  `/concerts/${MALFORMED}/queue`,
  `/concerts/%E0%A4`,
];

async function expectJsonError(response: import("@playwright/test").APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
}

test.describe("errors under /api", () => {
  test("an unknown path answers 404 in JSON, whatever the method", async ({ request }) => {
    for (const method of ["GET", "POST", "PUT", "DELETE"]) {
      await expectJsonError(await request.fetch("/api/no-such-endpoint", { method }), 404, "NOT_FOUND");
    }
  });

  test("a known path with another method answers 405 METHOD_NOT_ALLOWED with Allow", async ({ request }) => {
    const wrongMethod = await request.get("/api/payments");
    await expectJsonError(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    expect(wrongMethod.headers()["allow"]).toBe("POST, OPTIONS");
    const deleteConcerts = await request.delete("/api/concerts");
    await expectJsonError(deleteConcerts, 405, "METHOD_NOT_ALLOWED");
    expect(deleteConcerts.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  });

  for (const [method, path] of DYNAMIC_API_ROUTES) {
    test(`${method} ${path} answers 404 in JSON`, async ({ request }) => {
      await expectJsonError(await request.fetch(path, { method }), 404, "NOT_FOUND");
    });
  }

  test("a 2 MB body answers 413 PAYLOAD_TOO_LARGE", async ({ request }) => {
    const response = await request.post("/api/auth/sign-up", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ email: "big@e2e.test", password: "long enough", name: "x".repeat(2 * 1024 * 1024) }),
    });
    await expectJsonError(response, 413, "PAYLOAD_TOO_LARGE");
  });
});

test.describe("malformed page addresses", () => {
  for (const path of DYNAMIC_PAGES) {
    test(`${path} shows the 404 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  }
});
