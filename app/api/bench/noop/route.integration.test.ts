import { afterEach, describe, expect, it, vi } from "vitest";
import { call, testRequest } from "@/lib/testing/http";

async function freshNoopRoute() {
  // env() is read once per module instance; a fresh import sees the new setting.
  vi.resetModules();
  return (await import("./route")).GET;
}

afterEach(() => {
  delete process.env.ENCORE_BENCH;
});

describe("GET /api/bench/noop", () => {
  it("does not exist unless the server runs as a benchmark", async () => {
    const GET = await freshNoopRoute();
    const response = await call(GET, testRequest("GET", "/api/bench/noop"));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  });

  it("answers a tiny JSON body under ENCORE_BENCH=true", async () => {
    process.env.ENCORE_BENCH = "true";
    const GET = await freshNoopRoute();
    const response = await call(GET, testRequest("GET", "/api/bench/noop"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
