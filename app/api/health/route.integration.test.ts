import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/db/client";
import { call, testRequest } from "@/lib/testing/http";

const holder = globalThis as unknown as { encorePrisma?: unknown };

describe("GET /api/health", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers 200 with the database up", async () => {
    const response = await call(healthRoute, testRequest("GET", "/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 with the database down when it cannot reach PostgreSQL, without leaking why", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const working = holder.encorePrisma;
    // Port 9 (discard) has no PostgreSQL: connecting fails at once.
    const unreachable = createPrismaClient({ connectionString: "postgresql://postgres:secret-password@127.0.0.1:9/encore" });
    holder.encorePrisma = unreachable;
    try {
      const response = await call(healthRoute, testRequest("GET", "/api/health"));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: "degraded", database: "down" });
      expect(text).not.toContain("secret-password");
      expect(log).toHaveBeenCalled();
    } finally {
      holder.encorePrisma = working;
      await unreachable.$disconnect();
    }
  });
});
