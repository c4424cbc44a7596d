// PGlite (15 MB of wasm), its Prisma adapter and pg stay outside the server bundle (STACK.md).
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Several checkouts' worth of builds can live side by side (parallel e2e runs during development).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first; a build may skip it when asked.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

export default nextConfig;
