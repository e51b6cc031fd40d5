// The pages every fan sees alike (the home page and a concert page), rendered
// once per SHARED_PAGE_FRESH_MS per process and handed to everyone loading
// them in that window, visitor or signed in: at an on-sale these are the pages
// everyone lands on, and a full server render each costs several times an API
// request (docs/decisions/091). The render shows no one's account; the browser
// fills that in (docs/decisions/135). The proxy asks for the render through
// this same server, marked so that the proxy lets it through to Next.
// No next/* import: the proxy supplies the fetch, the tests a fake one.
import { processClock } from "@/lib/cache/process-clock";
import { RefreshingCache } from "@/lib/cache/refreshing-cache";

/** How long one render serves every visitor of a page: as long as the catalogue snapshot it shows (decision 087). */
export const SHARED_PAGE_FRESH_MS = 1_000;

/** Marks the proxy's own render request: the proxy passes it to Next instead of answering it from the cache. */
export const SHARED_RENDER_HEADER = "x-encore-shared-render";

/** At most one entry per concert page; more than this many pages are not worth keeping. */
const MAX_SHARED_PAGES = 500;

/** Paths whose page reads nothing of the request but the path, when rendered for sharing (a percent-escape is left to the proxy's own checks). */
const SHARED_PAGE_PATHS = [/^\/$/, /^\/concerts\/[^/%]+$/];

/** A server action, or the proxy's own render: never answered from the shared render. */
const PER_REQUEST_HEADERS = ["next-action", SHARED_RENDER_HEADER];

/**
 * A browser loading the page as a document. Next strips its own RSC headers
 * (rsc, next-router-state-tree, the prefetch headers) and the `_rsc` query
 * before the proxy sees a request, so a client navigation's or prefetch's RSC
 * request looks like a page request there; what still tells them apart is that
 * those are fetch() calls (Accept: any type, Sec-Fetch-Dest `empty`), never a
 * document load (Accept with text/html, Sec-Fetch-Dest `document`).
 */
function asksForDocument(headers: Headers): boolean {
  const destination = headers.get("sec-fetch-dest");
  if (destination !== null && destination !== "document") return false;
  return (headers.get("accept") ?? "").includes("text/html");
}

/** Response headers that describe one connection or one encoding, not the page. */
const CONNECTION_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

export type SharedPageRequest = {
  method: string;
  pathname: string;
  search: string;
  headers: Headers;
};

/** True when this request's answer is the page everyone gets (a session cookie changes nothing: the browser shows whose it is). */
export function isSharedPageRequest(request: SharedPageRequest): boolean {
  return (
    request.method === "GET" &&
    request.search === "" &&
    SHARED_PAGE_PATHS.some((path) => path.test(request.pathname)) &&
    asksForDocument(request.headers) &&
    !PER_REQUEST_HEADERS.some((name) => request.headers.has(name))
  );
}

/** One render, as sent: its status, headers (its CSP carries the nonce of the scripts in the body) and body. */
export type SharedPage = { status: number; headers: [string, string][]; body: ArrayBuffer };

/** Renders a path through the server; the caller marks the request with SHARED_RENDER_HEADER. */
export type RenderPage = (pathname: string) => Promise<Response>;

export type SharedPageCache = {
  /** The page for everyone loading `pathname`, or null when this render cannot be shared (the caller renders its own). */
  get(pathname: string): Promise<SharedPage | null>;
};

/** Only a plain 200 that sets no cookie is the same for everyone; anything else is answered per request. */
async function toSharedPage(response: Response): Promise<SharedPage | null> {
  // Read to the end either way: cancelling instead would never settle when the
  // fetch tees the body (Next's fetch does), leaving the caller waiting.
  const body = await response.arrayBuffer();
  if (response.status !== 200 || response.headers.has("set-cookie")) return null;
  const headers = [...response.headers].filter(([name]) => !CONNECTION_HEADERS.has(name));
  return { status: response.status, headers, body };
}

export function createSharedPageCache(render: RenderPage, now: () => number = processClock.now): SharedPageCache {
  const pages = new RefreshingCache<SharedPage | null>({ freshMs: SHARED_PAGE_FRESH_MS, maxEntries: MAX_SHARED_PAGES, now });
  return {
    async get(pathname) {
      const page = await pages.get(pathname, async () => toSharedPage(await render(pathname)));
      // Not kept: the next visitor renders again rather than sharing a 404 or a one-off answer.
      if (!page) pages.markStale(pathname);
      return page;
    },
  };
}
