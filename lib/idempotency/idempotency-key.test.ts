import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readIdempotencyKey } from "@/lib/idempotency/idempotency-key";

function requestWith(key?: string): Request {
  return new Request("http://localhost/api/payments", { method: "POST", headers: key === undefined ? {} : { "Idempotency-Key": key } });
}

function errorOf(key?: string): AppError {
  try {
    readIdempotencyKey(requestWith(key));
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("readIdempotencyKey", () => {
  it("returns keys of 1 to 255 characters as sent", () => {
    expect(readIdempotencyKey(requestWith("k"))).toBe("k");
    expect(readIdempotencyKey(requestWith("x".repeat(255)))).toBe("x".repeat(255));
  });

  it("answers a missing or empty key with 400 IDEMPOTENCY_KEY_REQUIRED", () => {
    expect(errorOf().code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(errorOf().status).toBe(400);
    expect(errorOf("").code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(errorOf("   ").code).toBe("IDEMPOTENCY_KEY_REQUIRED");
  });

  it("answers a key longer than 255 characters with 422 VALIDATION_FAILED", () => {
    const error = errorOf("x".repeat(256));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(422);
  });
});
