// rate-limiter-flexible's PostgreSQL store driven through the app's Prisma client, so the same code
// counts on PGlite (one process) and on a PostgreSQL server shared by several web instances: the
// counters live in the table rate_limits (prisma/schema/auth.prisma) and each attempt is one atomic
// INSERT ... ON CONFLICT of the library's own.
import { RateLimiterPostgres } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";

export interface LimiterShape {
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
}

/** The one query method the library calls on a "client" store; int8 columns come back from Prisma as BigInt. */
function prismaQueryClient(prisma: PrismaClient) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...(q.values ?? []));
      const plain = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
      );
      return { rows: plain, rowCount: plain.length };
    },
  };
}

export function createSqlRateLimiter(prisma: PrismaClient, shape: LimiterShape): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: prismaQueryClient(prisma),
    storeType: "client",
    tableName: "rate_limits",
    tableCreated: true, // a migration creates it
    clearExpiredByTimeout: true,
    ...shape,
  });
}
