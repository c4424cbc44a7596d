// The migration runner (STACK.md): applies every migration on an empty database, is idempotent on
// a migrated one, records Prisma-compatible rows, and refuses a migration edited after it ran.
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { loadMigrations, migrationsDir, runMigrations } from "@/server/db/migrate";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("migration runner on %s", (kind) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it("applies all migrations to an empty database, then nothing on a second run", async () => {
    t = await createTestDatabase(kind, { migrate: false });
    const migrations = loadMigrations(migrationsDir());
    expect(migrations.length).toBeGreaterThan(0);
    const first = await runMigrations(t.db.sql, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(first.alreadyApplied).toEqual([]);
    const second = await runMigrations(t.db.sql, migrations);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(migrations.map((m) => m.name));

    const rows = await t.db.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    // The schema is usable through Prisma.
    expect(await t.db.prisma.user.count()).toBe(0);
  });

  it("refuses a migration whose file changed after it was applied, and changes nothing", async () => {
    t = await createTestDatabase(kind, { migrate: false });
    const migrations = loadMigrations(migrationsDir());
    await runMigrations(t.db.sql, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(runMigrations(t.db.sql, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    t = await createTestDatabase(kind, { migrate: false });
    const migrations = loadMigrations(migrationsDir());
    const broken = {
      name: "99999999999999_broken",
      sql: `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`,
      checksum: "f".repeat(64),
    };
    await expect(runMigrations(t.db.sql, [...migrations, broken])).rejects.toThrow(/99999999999999_broken failed/);
    const tables = await t.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`,
    );
    expect(tables[0]?.n).toBe(0);
    const recorded = await t.db.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
  });

  if (kind === "postgres") {
    it("agrees with `prisma migrate status`", async () => {
      t = await createTestDatabase(kind);
      const out = execFileSync("npx", ["prisma", "migrate", "status"], {
        env: { ...process.env, DATABASE_URL: t.url ?? "", CHECKPOINT_DISABLE: "1" },
        encoding: "utf8",
      });
      expect(out).toMatch(/Database schema is up to date/);
    });
  }
});
