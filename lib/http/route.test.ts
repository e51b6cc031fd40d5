import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_MAX_BODY_BYTES, readJson } from "@/lib/http/request";
import { json } from "@/lib/http/responses";
import { publicRoute, toErrorResponse } from "@/lib/http/route";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";
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

  it("puts the API's security headers on answers and errors alike", async () => {
    for (const response of [
      await call(echo, testRequest("POST", "/x", { body: { name: "a" } })),
      await call(echo, testRequest("POST", "/x", { rawBody: "{nope" })),
    ]) {
      expect(response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
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

  it("answers a dropped or unreachable database with 503 SERVICE_UNAVAILABLE and Retry-After, never 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const faults = [
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" }),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ];
    for (const fault of faults) {
      const response = toErrorResponse(fault);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } });
      expect(text).not.toContain("127.0.0.1");
    }
    log.mockRestore();
  });
});

describe("request body limit", () => {
  /** A body that arrives in 16 KB chunks and records how much of it was pulled. */
  function streamedBody(totalBytes: number): { body: ReadableStream<Uint8Array>; pulledBytes: () => number } {
    let pulled = 0;
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= totalBytes) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { body, pulledBytes: () => pulled };
  }

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    call(echo, new Request("http://localhost:3000/x", { method: "POST", body, headers: { host: "localhost:3000", ...headers }, duplex: "half" } as RequestInit));

  it("refuses a declared Content-Length over 64 KB with 413 before reading anything", async () => {
    const { body, pulledBytes } = streamedBody(50 * 1024 * 1024);
    const response = await post(body, { "content-length": String(50 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
    expect(pulledBytes()).toBeLessThanOrEqual(16 * 1024);
  });

  it("stops reading a streamed body without a length as soon as it passes the limit", async () => {
    const { body, pulledBytes } = streamedBody(50 * 1024 * 1024);
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(pulledBytes()).toBeLessThan(DEFAULT_MAX_BODY_BYTES + 64 * 1024);
  });

  it("counts bytes, not characters", async () => {
    // 30,000 Hangul syllables: 30,000 UTF-16 units but 90,000 bytes.
    const response = await call(echo, testRequest("POST", "/x", { rawBody: JSON.stringify({ name: "한".repeat(30_000) }) }));
    expect(response.status).toBe(413);
  });

  it("reads a body under the limit as before", async () => {
    const response = await call(echo, testRequest("POST", "/x", { rawBody: JSON.stringify({ name: "한글" }) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "한글" });
  });
});
