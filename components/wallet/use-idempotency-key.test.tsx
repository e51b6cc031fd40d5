// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderHook } from "@/components/testing/render-hook";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";

describe("useIdempotencyKey", () => {
  it("keeps one key per intent across retries and renders, and a new one for a new intent", () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey(), undefined);
    const first = result.current.keyFor("charge 50000");

    expect(result.current.keyFor("charge 50000")).toBe(first);
    rerender(undefined);
    expect(result.current.keyFor("charge 50000")).toBe(first);

    const other = result.current.keyFor("charge 10000");
    expect(other).not.toBe(first);
    expect(other).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Going back to the first intent is a new attempt at it, not a retry of the old one.
    expect(result.current.keyFor("charge 50000")).not.toBe(first);
  });

  it("gives the same intent a new key once it has succeeded", () => {
    const { result } = renderHook(() => useIdempotencyKey(), undefined);
    const paid = result.current.keyFor("pay r1,r2");

    result.current.settle();

    expect(result.current.keyFor("pay r1,r2")).not.toBe(paid);
  });

  it("keeps keyFor and settle the same functions across renders", () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey(), undefined);
    const { keyFor, settle } = result.current;

    rerender(undefined);

    expect(result.current.keyFor).toBe(keyFor);
    expect(result.current.settle).toBe(settle);
  });
});
