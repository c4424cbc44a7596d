// Opens the database: embedded PGlite (demo default, data under a project folder) or a
// PostgreSQL server (DATABASE_URL). Returns one Prisma client plus a raw SQL driver that the
// migration runner and the hot paths (bulk bar inserts, aggregates) use.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { domainLog } from "../log";

export type DbKind = "pglite" | "postgres";

/** One connection's worth of raw SQL. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDriver extends SqlSession {
  /** Runs fn on a single connection (needed for session-level advisory locks and BEGIN/COMMIT). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DbKind;
  prisma: PrismaClient;
  sql: SqlDriver;
  close(): Promise<void>;
  /** PostgreSQL only: the pool's connections (metrics). PGlite is one in-process connection. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** PGlite only: the whole data folder as a gzipped tarball (backup, server/lifecycle/backup.ts). */
  dumpDataDir?(): Promise<Blob>;
}

export type OpenOptions =
  | { kind: "pglite"; dataDir?: string } // no dataDir: in memory (tests)
  | { kind: "postgres"; url: string; max?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.kind === "pglite" ? openPglite(opts.dataDir) : openPostgres(opts.url, opts.max ?? 10);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true }); // PGlite does not create parents
  const lite = dataDir ? new PGlite(dataDir) : new PGlite();
  await lite.waitReady;
  const session: SqlSession = {
    async exec(sql) {
      await lite.exec(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const res = await lite.query<T>(sql, params);
      return res.rows;
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: "pglite",
    prisma,
    sql: { ...session, withSession: (fn) => fn(session) },
    dumpDataDir: () => lite.dumpDataDir("gzip"),
    async close() {
      await prisma.$disconnect();
      if (!lite.closed) await lite.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000 });
  // An idle client whose server connection drops (restart, failover, admin shutdown) is discarded
  // by the pool; without a listener that error would crash the process.
  pool.on("error", (err: Error & { code?: string }) => {
    if (err.code !== "57P01") domainLog("db").error({ err }, "idle PostgreSQL client error");
  });
  // Fail at start with a clear message rather than on the first request.
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`DATABASE_URL: cannot connect to PostgreSQL (${(err as Error).message})`);
  }
  const wrap = (c: pg.Pool | pg.PoolClient): SqlSession => ({
    async exec(sql) {
      await c.query(sql);
    },
    async query<T extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const res = await c.query<T>(sql, params);
      return res.rows;
    },
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    sql: {
      ...wrap(pool),
      async withSession(fn) {
        const client = await pool.connect();
        try {
          return await fn(wrap(client));
        } finally {
          client.release();
        }
      },
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}
