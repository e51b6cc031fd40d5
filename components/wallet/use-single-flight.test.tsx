// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { renderHook } from "@/components/testing/render-hook";
import { useSingleFlight } from "@/components/wallet/use-single-flight";

/** A request that stays in flight until the test settles it. */
function pendingRequest() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { run: vi.fn(() => promise), resolve, reject, promise };
}

/** Lets the hook's .catch/.finally callbacks run. */
const settled = (promise: Promise<unknown>) => promise.then(() => undefined, () => undefined).then(() => undefined);

describe("useSingleFlight", () => {
  it("ignores a second click while the first request is in flight", async () => {
    const { result } = renderHook(() => useSingleFlight(), undefined);
    const first = pendingRequest();
    const second = vi.fn(() => Promise.resolve());

    result.current(first.run);
    result.current(second);
    result.current(second);

    expect(first.run).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    first.resolve();
    await settled(first.promise);
  });

  it("sends again once the request has ended, whether it succeeded or failed", async () => {
    const { result } = renderHook(() => useSingleFlight(), undefined);
    const succeeding = pendingRequest();
    result.current(succeeding.run);
    succeeding.resolve();
    await settled(succeeding.promise);

    const failing = pendingRequest();
    result.current(failing.run);
    expect(failing.run).toHaveBeenCalledTimes(1);
    failing.reject(new Error("network down"));
    await settled(failing.promise);

    const next = vi.fn(() => Promise.resolve());
    result.current(next);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it("holds the flight across renders: a re-render while busy does not let a second request through", async () => {
    const { result, rerender } = renderHook(() => useSingleFlight(), undefined);
    const start = result.current;
    const first = pendingRequest();
    start(first.run);

    rerender(undefined);
    const second = vi.fn(() => Promise.resolve());
    result.current(second);

    expect(result.current).toBe(start);
    expect(second).not.toHaveBeenCalled();
    first.resolve();
    await settled(first.promise);
  });
});
