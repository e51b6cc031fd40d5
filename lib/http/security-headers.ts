// The security headers of every response, pages and API alike (pages get
// theirs in proxy.ts, API responses in lib/http/route.ts; docs/decisions/085). Pure: no next/* import, no environment read,
// so the unit tests see exactly what the proxy sends.

export type SecurityHeaderOptions = {
  /** A real deployment: HSTS is sent (never on a local build, where it would pin localhost to https). */
  isProduction: boolean;
  /** `next dev`: React needs eval for its error overlays, and dev styles are injected inline. */
  isDevelopment: boolean;
  /** The request arrived over https (directly or as the proxy in front says): sub-resources are upgraded too. */
  isHttps: boolean;
};

/** Two years, the HSTS preload list's minimum. */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Powerful features no page of Encore uses; denied for the page and anything it embeds. */
const DENIED_FEATURES = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"];

/** What every response carries, whatever its type. */
export function commonSecurityHeaders(options: Pick<SecurityHeaderOptions, "isProduction">): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    // frame-ancestors 'none' is the rule; X-Frame-Options says the same to browsers that predate CSP 2.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(options.isProduction ? { "strict-transport-security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}

/**
 * An API response is data, never a document: nothing may load or run in it,
 * and nothing may frame it.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers of every API response: the common ones and the API's policy. */
export function apiSecurityHeaders(options: Pick<SecurityHeaderOptions, "isProduction">): Record<string, string> {
  return { ...commonSecurityHeaders(options), "content-security-policy": API_CONTENT_SECURITY_POLICY };
}

/**
 * A page's policy. Scripts run only with this response's nonce (Next puts it
 * on its own scripts, including the inline RSC payload) or when loaded by such
 * a script ('strict-dynamic': the chunks the runtime adds). Stylesheets come
 * from this origin or carry the nonce; style attributes stay allowed
 * (style-src-attr), since React renders `style={…}` as attributes and they
 * cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, options: Omit<SecurityHeaderOptions, "isProduction">): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${options.isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 16 random bytes, base64: unguessable, and a valid CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** API routes answer JSON; everything else under the proxy is a page (or its RSC payload). */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export type SecurityHeadersPlan = {
  /** Headers to add to the response. */
  response: Record<string, string>;
  /** Headers to add to the request Next renders (the page's CSP, from which Next reads the nonce). */
  request: Record<string, string>;
};

/** The headers one request gets: a fresh nonce per page request, a fixed policy for the API. */
export function planSecurityHeaders(pathname: string, options: SecurityHeaderOptions): SecurityHeadersPlan {
  const common = commonSecurityHeaders(options);
  if (isApiPath(pathname)) return { response: apiSecurityHeaders(options), request: {} };
  const policy = pageContentSecurityPolicy(createNonce(), options);
  return { response: { ...common, "content-security-policy": policy }, request: { "content-security-policy": policy } };
}
