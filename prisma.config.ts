// Prisma CLI configuration (generate, migrate status/diff). The CLI does not read .env when a
// config file exists, so DATABASE_URL gets a default here: the local PostgreSQL used by
// `npm run db:diff`. The app itself never reads this file.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
process.env.DATABASE_URL = url;

export default defineConfig({
  schema: path.join("prisma", "schema"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 });
  },
});
