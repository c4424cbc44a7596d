// Test databases for integration tests: PGlite in memory, and (when TEST_DATABASE_URL is set) a
// fresh database created on that PostgreSQL server and dropped afterwards. Both are migrated
// with the project's own runner.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database, type DbKind } from "@/server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "@/server/db/migrate";

export interface TestDatabase {
  db: Database;
  url: string | null; // PostgreSQL only
  drop(): Promise<void>;
}

/** The backends every integration suite runs against. */
export const BACKENDS: DbKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(kind: DbKind, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "pglite" });
    if (migrate) await runMigrations(db.sql, loadMigrations(migrationsDir()));
    return { db, url: null, drop: () => db.close() };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `md_test_${crypto.randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = withDatabase(admin, name);
  const db = await openDatabase({ kind: "postgres", url, max: 5 });
  if (migrate) await runMigrations(db.sql, loadMigrations(migrationsDir()));
  return {
    db,
    url,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
