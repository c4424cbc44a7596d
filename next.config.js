// PGlite (15 MB of wasm), its Prisma adapter and pg stay outside the server bundle (STACK.md).

// Security headers of responses proxy.ts does not see (API routes, static files); the same values
// as server/http/security-headers.ts (a test keeps them equal). Pages get theirs, with the CSP
// nonce, from proxy.ts.
const commonSecurityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
const hsts = process.env.NEXTAUTH_URL?.startsWith("https://")
  ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
  : [];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // piscina resolves its own worker script from its __dirname at run time, which a bundle rewrites.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "piscina"],
  poweredByHeader: false,
  // Container images (Dockerfile) build a self-contained server: NEXT_OUTPUT=standalone.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  reactStrictMode: true,
  // Several checkouts' worth of builds can live side by side (parallel e2e runs during development).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first; a build may skip it when asked.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          ...commonSecurityHeaders,
          ...hsts,
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
      { source: "/_next/:path*", headers: commonSecurityHeaders },
    ];
  },
};

export default nextConfig;
