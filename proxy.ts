// Security headers of every page (DESIGN 10 limits; issue "browser and API hygiene"): a fresh CSP
// nonce per request (Next puts it on its own inline scripts; nothing else inline may run), no
// framing, and HSTS when the app is served over https. API routes are not matched here: a proxy
// makes Next buffer the request body (up to proxyClientMaxBodySize) before the route's own 1 MB
// cap could refuse it; their headers come from next.config.js.
import { NextResponse, type NextRequest } from "next/server";
import { buildPageCsp, pageSecurityHeaders } from "./server/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = buildPageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of pageSecurityHeaders(process.env.NEXTAUTH_URL)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
