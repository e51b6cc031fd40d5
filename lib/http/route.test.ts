import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute, toErrorResponse } from "@/lib/http/route";
import { call, testRequest } from "@/lib/testing/http";

const echo = publicRoute(async ({ request }) => json(await readJson(request, z.object({ name: z.string().max(5) }))));

describe("route wrapper", () => {
  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const response = await call(echo, testRequest("POST", "/x", { rawBody: "{nope" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "MALFORMED_JSON", message: expect.any(String) } });
  });

  it("answers invalid fields with 422 and the field errors", async () => {
    const response = await call(echo, testRequest("POST", "/x", { body: { name: "far too long" } }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.details.fields)).toEqual(["name"]);
  });

  it("refuses a non-GET request from a foreign origin with 403 FORBIDDEN_ORIGIN", async () => {
    const response = await call(echo, testRequest("POST", "/x", { body: { name: "a" }, origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN_ORIGIN");
  });

  it("accepts the same origin and requests without an Origin header", async () => {
    expect((await call(echo, testRequest("POST", "/x", { body: { name: "a" } }))).status).toBe(200);
    expect((await call(echo, testRequest("POST", "/x", { body: { name: "a" }, origin: null }))).status).toBe(200);
  });

  it("sends Retry-After with rate-limit errors", async () => {
    const response = toErrorResponse(new AppError("RATE_LIMITED", "slow down", { retryAfterSeconds: 12.2 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("13");
  });

  it("hides the details of unexpected errors behind an opaque 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = toErrorResponse(new Error("connection string postgres://secret@db"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).error.code).toBe("INTERNAL");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
