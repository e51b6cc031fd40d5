// Runs before routing, for pages and for /api paths with a percent-escape.
// 1. Security headers on every page (docs/decisions/085): a
//    page gets a fresh CSP nonce, which Next reads from the request's
//    Content-Security-Policy header and puts on the scripts it renders.
// 2. The pages every fan sees alike come from one render a second
//    (lib/http/shared-page-cache.ts, docs/decisions/091 and 135), with that
//    render's own nonce and policy; the browser shows who is signed in.
// 3. Answers the requests Next itself cannot route: a path with a
//    percent-escape that does not decode (Next would answer a bare 500).
// Headers, shared renders and that 404 only: authentication stays in each route handler and page.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { hasMalformedEscape } from "@/lib/http/malformed-path";
import { errorBody } from "@/lib/http/responses";
import { isApiPath, planSecurityHeaders } from "@/lib/http/security-headers";
import { createSharedPageCache, isSharedPageRequest, SHARED_RENDER_HEADER } from "@/lib/http/shared-page-cache";

/** A path no route has: rewriting a page request there renders the 404 page with status 404. */
const NOT_FOUND_PAGE_PATH = "/not-found";

/** The render everyone shares, asked of this same server on the loopback interface (no cookie: it shows no one's account). */
const sharedPages = createSharedPageCache((pathname) =>
  fetch(`http://127.0.0.1:${env().PORT}${pathname}`, { headers: { [SHARED_RENDER_HEADER]: "1" }, redirect: "manual", cache: "no-store" }),
);

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const shared = await sharedPageFor(request);
  if (shared) return shared;
  const { pathname } = request.nextUrl;
  const { isProduction, NODE_ENV } = env();
  const plan = planSecurityHeaders(pathname, {
    isProduction,
    isDevelopment: NODE_ENV === "development",
    isHttps: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(plan.request)) requestHeaders.set(name, value);
  const response = answerFor(request, requestHeaders);
  for (const [name, value] of Object.entries(plan.response)) response.headers.set(name, value);
  return response;
}

/** The shared render of a page, headers included; null when this request renders its own. */
async function sharedPageFor(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  const isShared = isSharedPageRequest({ method: request.method, pathname, search, headers: request.headers });
  // `next dev` recompiles and reloads on its own; sharing there would only hide changes.
  if (!isShared || env().NODE_ENV === "development") return null;
  try {
    const page = await sharedPages.get(pathname);
    return page && new NextResponse(page.body, { status: page.status, headers: page.headers });
  } catch (error) {
    // The shared render failed (the server is shutting down, say): this request renders its own.
    console.error("Shared page render failed:", error);
    return null;
  }
}

function answerFor(request: NextRequest, requestHeaders: Headers): NextResponse {
  const { pathname } = request.nextUrl;
  if (!hasMalformedEscape(pathname)) return NextResponse.next({ request: { headers: requestHeaders } });
  if (isApiPath(pathname)) {
    return NextResponse.json(errorBody("NOT_FOUND", "No such resource."), { status: 404, headers: { "cache-control": "no-store" } });
  }
  return NextResponse.rewrite(new URL(NOT_FOUND_PAGE_PATH, request.url), { status: 404, request: { headers: requestHeaders } });
}

export const config = {
  // Pages, and /api paths with a percent-escape (which may not decode). Build
  // output and the icon are immutable files; API answers get their headers in
  // the route wrappers (lib/http/api-security-headers.ts), since running this
  // proxy on every API request cost most of a request's throughput.
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)", "/api/:path(.*%.*)"],
};
