import { describe, expect, it } from "vitest";
import {
  createSharedPageCache,
  isSharedPageRequest,
  SHARED_PAGE_FRESH_MS,
  SHARED_RENDER_HEADER,
  type SharedPageRequest,
} from "@/lib/http/shared-page-cache";

const CONCERT_PATH = "/concerts/0b6f3c52-5d7e-4c36-9a59-0c4f4c3f1c11";

/** What a browser sends when it loads a page as a document. */
const DOCUMENT_HEADERS = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "sec-fetch-dest": "document" };

function visitor(overrides: Partial<SharedPageRequest> = {}): SharedPageRequest {
  return { method: "GET", pathname: "/", search: "", headers: new Headers(DOCUMENT_HEADERS), ...overrides };
}

describe("isSharedPageRequest", () => {
  it("shares the home page and a concert page with everyone loading them as documents", () => {
    expect(isSharedPageRequest(visitor())).toBe(true);
    expect(isSharedPageRequest(visitor({ pathname: CONCERT_PATH }))).toBe(true);
    // A client without Fetch Metadata (older browsers, load generators) that asks for HTML.
    expect(isSharedPageRequest(visitor({ headers: new Headers({ accept: "text/html" }) }))).toBe(true);
  });

  it.each([
    ["a HEAD request", visitor({ method: "HEAD" })],
    ["a query string", visitor({ search: "?next=/wallet" })],
    // Next strips its RSC headers and `_rsc` before the proxy: its client's fetch() is known by what it accepts.
    ["a client navigation's RSC fetch", visitor({ headers: new Headers({ accept: "*/*", "sec-fetch-dest": "empty" }) })],
    ["a fetch() that accepts HTML", visitor({ headers: new Headers({ accept: "text/html", "sec-fetch-dest": "empty" }) })],
    ["a client that does not ask for HTML", visitor({ headers: new Headers() })],
    ["a server action", visitor({ headers: new Headers({ ...DOCUMENT_HEADERS, "next-action": "abc" }) })],
    ["the proxy's own render", visitor({ headers: new Headers({ ...DOCUMENT_HEADERS, [SHARED_RENDER_HEADER]: "1" }) })],
    ["a page under a concert", visitor({ pathname: `${CONCERT_PATH}/queue` })],
    ["a fan's own page", visitor({ pathname: "/wallet" })],
    ["a percent-escape", visitor({ pathname: "/concerts/%ZZ" })],
  ])("renders per request for %s", (_what, request) => {
    expect(isSharedPageRequest(request)).toBe(false);
  });
});

function htmlResponse(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, ...init, headers: { "content-type": "text/html", ...init.headers } });
}

const decode = (body: ArrayBuffer) => new TextDecoder().decode(body);

describe("createSharedPageCache", () => {
  it("renders a page once per freshness window and hands every caller that render, with its own headers", async () => {
    const clock = { now: 50_000 };
    const rendered: string[] = [];
    const pages = createSharedPageCache(async (pathname) => {
      rendered.push(pathname);
      return htmlResponse(`render ${rendered.length}`, {
        headers: { "content-security-policy": `script-src 'nonce-n${rendered.length}'`, "transfer-encoding": "chunked", date: "x" },
      });
    }, () => clock.now);

    const first = await Promise.all(Array.from({ length: 50 }, () => pages.get("/")));
    expect(rendered).toEqual(["/"]);
    for (const page of first) {
      expect(decode(page!.body)).toBe("render 1");
      expect(page!.headers).toEqual([
        ["content-security-policy", "script-src 'nonce-n1'"],
        ["content-type", "text/html"],
      ]);
    }

    clock.now += SHARED_PAGE_FRESH_MS - 1;
    expect(decode((await pages.get("/"))!.body)).toBe("render 1");
    clock.now += 1;
    expect(decode((await pages.get("/"))!.body)).toBe("render 2");
    expect(rendered).toEqual(["/", "/"]);
  });

  it("keeps one render per path", async () => {
    const pages = createSharedPageCache(async (pathname) => htmlResponse(`page ${pathname}`), () => 0);
    expect(decode((await pages.get("/"))!.body)).toBe("page /");
    expect(decode((await pages.get(CONCERT_PATH))!.body)).toBe(`page ${CONCERT_PATH}`);
  });

  it.each([
    ["a 404", () => new Response("no such concert", { status: 404 })],
    ["a redirect", () => new Response(null, { status: 308, headers: { location: "/" } })],
    ["a response that sets a cookie", () => htmlResponse("page", { headers: { "set-cookie": "a=b" } })],
  ])("shares nothing and keeps nothing for %s", async (_what, answer) => {
    let renders = 0;
    const pages = createSharedPageCache(async () => {
      renders += 1;
      return answer();
    }, () => 0);
    expect(await pages.get("/")).toBeNull();
    expect(await pages.get("/")).toBeNull();
    expect(renders).toBe(2);
  });

  it("remembers no failed render: the next caller renders again", async () => {
    let renders = 0;
    const pages = createSharedPageCache(async () => {
      renders += 1;
      if (renders === 1) throw new Error("connection refused");
      return htmlResponse("page");
    }, () => 0);
    await expect(pages.get("/")).rejects.toThrow("connection refused");
    expect(decode((await pages.get("/"))!.body)).toBe("page");
  });
});
