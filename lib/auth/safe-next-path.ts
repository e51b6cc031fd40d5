/** Where a visitor may be sent after signing in: only paths on this site. */
const PLACEHOLDER_ORIGIN = "http://encore.invalid";
const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * The `next` parameter as a same-site relative path, or the fallback. Refuses
 * absolute and protocol-relative URLs ("//evil.example", "/\\evil.example"),
 * control characters and the auth pages themselves (no loops), so a link can
 * never turn sign-in into an open redirect.
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A link to an auth page that carries `next` along (omitted when it is the home page). */
export function withNext(authPage: "/sign-in" | "/sign-up", next: string): string {
  return next === "/" ? authPage : `${authPage}?next=${encodeURIComponent(next)}`;
}

/** The console's start page, where an operator lands after signing in from anywhere but a page they were sent from. */
export const OPERATOR_HOME = "/admin";

/**
 * Where a signed-in user goes: back to the page they were sent from, else operators to the console
 * and fans to the home page.
 */
export function landingAfterSignIn(role: string, next: string): string {
  return role === "ADMIN" && next === "/" ? OPERATOR_HOME : next;
}
