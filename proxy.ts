// Runs before routing. Only answers requests Next itself cannot route: a path
// with a percent-escape that does not decode (Next would answer a bare 500).
// Authentication stays in each route handler and page.
import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedEscape } from "@/lib/http/malformed-path";
import { errorBody } from "@/lib/http/responses";

/** A path no route has: rewriting a page request there renders the 404 page with status 404. */
const NOT_FOUND_PAGE_PATH = "/not-found";

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (!hasMalformedEscape(pathname)) return NextResponse.next();
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return NextResponse.json(errorBody("NOT_FOUND", "No such resource."), { status: 404, headers: { "cache-control": "no-store" } });
  }
  return NextResponse.rewrite(new URL(NOT_FOUND_PAGE_PATH, request.url), { status: 404 });
}

export const config = {
  // Only paths with a percent-escape can be malformed; every other request skips the proxy.
  matcher: ["/:path(.*%.*)"],
};
