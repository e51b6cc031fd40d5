import { afterEach, describe, expect, it, vi } from "vitest";
import { logError } from "@/lib/log";

function loggedLine(): Record<string, unknown> {
  const spy = vi.mocked(console.error);
  expect(spy).toHaveBeenCalledTimes(1);
  return JSON.parse(String(spy.mock.calls[0]![0]));
}

describe("logError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps its own message and puts the error's under `error`", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    logError("payment failed", new TypeError("connection reset"), { paymentId: "p1" });
    const line = loggedLine();
    expect(line).toMatchObject({ level: "error", message: "payment failed", paymentId: "p1" });
    expect(line.error).toMatchObject({ name: "TypeError", message: "connection reset" });
    expect(typeof line.time).toBe("string");
  });

  it("lets no context key overwrite the level, time or message", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    logError("hold failed", "not an Error", { message: "from context", level: "debug" });
    expect(loggedLine()).toMatchObject({ level: "error", message: "hold failed", error: "not an Error" });
  });
});
