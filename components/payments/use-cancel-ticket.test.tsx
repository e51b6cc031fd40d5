// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCancelTicket } from "@/components/payments/use-cancel-ticket";
import { walletKeys } from "@/components/wallet/wallet-queries";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function renderWithQueryClient(queryClient: QueryClient) {
  const result = { current: undefined as unknown as ReturnType<typeof useCancelTicket> };
  function Probe() {
    result.current = useCancelTicket();
    return null;
  }
  const root = createRoot(document.createElement("div"));
  act(() => root.render(<QueryClientProvider client={queryClient}><Probe /></QueryClientProvider>));
  return { result, unmount: () => act(() => root.unmount()) };
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

const CANCELLED = {
  reservation: { id: "r1", status: "CANCELLED" },
  refund: { id: "f1", amount: 150_000 },
  balance: 400_000,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("useCancelTicket", () => {
  it("retries a failed cancellation with the same Idempotency-Key and puts the new balance in the wallet's cache", async () => {
    const keys: string[] = [];
    const fetchMock = vi.fn(async (_path: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get("idempotency-key")!);
      return keys.length === 1 ? answer(503, { error: { code: "SERVICE_UNAVAILABLE", message: "busy" } }) : answer(200, CANCELLED);
    });
    vi.stubGlobal("fetch", fetchMock);
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const { result, unmount } = renderWithQueryClient(queryClient);

    await act(() => result.current.mutateAsync("r1").catch(() => undefined));
    await act(() => result.current.mutateAsync("r1"));

    expect(fetchMock.mock.calls.map(([path, init]) => [path, init.method])).toEqual([
      ["/api/tickets/r1/cancel", "POST"],
      ["/api/tickets/r1/cancel", "POST"],
    ]);
    expect(keys[1]).toBe(keys[0]);
    expect(queryClient.getQueryData(walletKeys.balance())).toBe(400_000);
    unmount();
  });

  it("gives each ticket its own Idempotency-Key", async () => {
    const keys: string[] = [];
    vi.stubGlobal("fetch", vi.fn(async (_path: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get("idempotency-key")!);
      return answer(200, CANCELLED);
    }));
    const { result, unmount } = renderWithQueryClient(new QueryClient());

    await act(() => result.current.mutateAsync("r1"));
    await act(() => result.current.mutateAsync("r2"));

    expect(new Set(keys).size).toBe(2);
    unmount();
  });
});
