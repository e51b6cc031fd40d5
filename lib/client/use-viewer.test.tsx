// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PageViewer, Viewer } from "@/lib/auth/page-viewer";
import { forgetViewer, useViewer } from "@/lib/client/use-viewer";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Seen = Viewer | null | undefined;

/** Renders `probes` components that each call useViewer, in one query client, as the header and the concert page do. */
function renderViewers(fromServer: PageViewer, probes = 1) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: Seen[][] = Array.from({ length: probes }, () => []);
  function Probe({ index }: { index: number }) {
    seen[index]!.push(useViewer(fromServer));
    return null;
  }
  const root = createRoot(document.createElement("div"));
  act(() =>
    root.render(
      <QueryClientProvider client={queryClient}>
        {seen.map((_, index) => <Probe key={index} index={index} />)}
      </QueryClientProvider>,
    ),
  );
  return { seen, queryClient, unmount: () => act(() => root.unmount()) };
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Waits until the last value a probe saw passes `check` (react-query notifies on a later tick). */
async function until(check: () => void): Promise<void> {
  await vi.waitFor(async () => {
    await act(async () => {});
    check();
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("useViewer", () => {
  it("takes the server's answer when the server knew, and asks nothing", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const fan = renderViewers({ known: true, viewer: { name: "김팬", role: "FAN" } });
    const visitor = renderViewers({ known: true, viewer: null });
    await act(async () => {});
    expect(fan.seen[0]!.at(-1)).toEqual({ name: "김팬", role: "FAN" });
    expect(visitor.seen[0]!.at(-1)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    fan.unmount();
    visitor.unmount();
  });

  it("in the shared render, is not known at first, then is the fan /api/me names, asked once for every component", async () => {
    const fetchMock = vi.fn(async (_path: string) => answer(200, { user: { id: "u1", email: "fan@example.com", name: "김팬", role: "FAN" } }));
    vi.stubGlobal("fetch", fetchMock);
    const { seen, unmount } = renderViewers({ known: false }, 2);
    expect(seen.map((probe) => probe[0])).toEqual([undefined, undefined]);
    // Only what the page shows: no id, no email.
    await until(() => expect(seen.map((probe) => probe.at(-1))).toEqual([{ name: "김팬", role: "FAN" }, { name: "김팬", role: "FAN" }]));
    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(["/api/me"]);
    unmount();
  });

  it("is a visitor when /api/me answers 401, and when asking fails, so the way to sign in is never hidden", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer(401, { error: { code: "UNAUTHENTICATED", message: "Sign in." } })));
    const signedOut = renderViewers({ known: false });
    await until(() => expect(signedOut.seen[0]!.at(-1)).toBeNull());
    signedOut.unmount();

    vi.stubGlobal("fetch", vi.fn(async () => answer(503, { error: { code: "SERVICE_UNAVAILABLE", message: "busy" } })));
    const failed = renderViewers({ known: false });
    await until(() => expect(failed.seen[0]!.at(-1)).toBeNull());
    failed.unmount();
  });

  it("forgets the fan after signing out", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => answer(200, { user: { id: "u1", email: "fan@example.com", name: "김팬", role: "ADMIN" } })));
    const { seen, queryClient, unmount } = renderViewers({ known: false });
    await until(() => expect(seen[0]!.at(-1)).toEqual({ name: "김팬", role: "ADMIN" }));
    act(() => forgetViewer(queryClient));
    await until(() => expect(seen[0]!.at(-1)).toBeNull());
    unmount();
  });
});
