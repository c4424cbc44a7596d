// The security headers (browser hygiene): one place for the page CSP (nonce-based scripts), the
// headers every response carries, and HSTS over https. Used by proxy.ts (pages) and
// next.config.js (API routes and static files, which the proxy does not see).

/** Headers every response carries, pages, API and static files alike. */
export const COMMON_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
];

/** API answers are JSON, never a document: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * Pages: scripts only from this origin with this request's nonce ('strict-dynamic' lets them load
 * the chunks they import); styles allow inline attributes (React's style={{...}} and the chart
 * library set them) but no stylesheet from elsewhere; no plugins, no framing, forms post here only.
 */
export function buildPageCsp(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Common headers plus HSTS when the public URL is https (a plain-http demo must not pin https). */
export function pageSecurityHeaders(publicUrl: string | undefined): Array<readonly [string, string]> {
  const out = [...COMMON_SECURITY_HEADERS];
  if (publicUrl?.startsWith("https://")) out.push(["Strict-Transport-Security", HSTS_VALUE]);
  return out;
}
