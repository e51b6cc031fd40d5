/**
 * True when a URL path has a percent-escape that does not decode: `%ZZ`, a
 * lone `%`, or bytes that are not UTF-8 (`%E0%A4`). Next fails to decode such
 * a path's dynamic segments and answers a bare 500, so the proxy answers first.
 */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
