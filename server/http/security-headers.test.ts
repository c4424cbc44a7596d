// The security headers: the page CSP allows scripts only with the request's nonce, nothing may
// frame the app, HSTS only over https, and next.config.js sends the same headers on API routes.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript config without type declarations
import nextConfig from "../../next.config.js";
import { API_CSP, buildPageCsp, COMMON_SECURITY_HEADERS, pageSecurityHeaders } from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it("page CSP: scripts need the nonce (no unsafe-inline, no unsafe-eval in production), no framing", () => {
    const d = directives(buildPageCsp("abc123"));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
  });

  it("HSTS only when the public URL is https", () => {
    expect(pageSecurityHeaders("http://localhost:3000").map(([n]) => n)).not.toContain("Strict-Transport-Security");
    expect(new Map(pageSecurityHeaders("https://desk.example.cn")).get("Strict-Transport-Security")).toMatch(
      /^max-age=31536000/,
    );
  });

  it("next.config.js sends the common headers and the API CSP on every /api route", async () => {
    const rules = await (
      nextConfig as {
        headers: () => Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>>;
      }
    ).headers();
    const api = rules.find((r) => r.source === "/api/:path*");
    const sent = new Map(api?.headers.map((h) => [h.key, h.value]));
    for (const [name, value] of COMMON_SECURITY_HEADERS) expect(sent.get(name)).toBe(value);
    expect(sent.get("Content-Security-Policy")).toBe(API_CSP);
  });
});
