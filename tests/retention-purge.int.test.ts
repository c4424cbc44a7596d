// Retention (issue 14, data lifecycle): history older than the horizon goes in batches; a book
// snapshot stays while a kept minute or a kept delta needs it, and the newest full book (the
// engine's delta base) always stays.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { purgeBefore } from "@/server/lifecycle/retention-purge";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const CUTOFF = new Date(T0 + 10 * 60_000);

describe.each(BACKENDS)("retention purge on %s", (kind) => {
  let t: TestDatabase;

  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  async function snapshot(digest: string, base: string | null, createdMin: number) {
    await t.db.sql.query(
      `INSERT INTO "RiskBookSnapshot" (digest, symbols, meta, "accountIds", data, "baseDigest", "createdAt")
       VALUES ($1, '{}', '[]'::jsonb, '', decode('', 'base64'), $2, $3::timestamptz)`,
      [digest, base, new Date(T0 + createdMin * 60_000).toISOString()],
    );
  }
  async function tick(minute: number, digest: string) {
    await t.db.prisma.riskTick.create({
      data: {
        minuteTs: new Date(T0 + minute * 60_000),
        paramVersion: 1,
        bookDigest: digest,
        prices: [],
        sigmas: [],
        counts: {},
        changes: 0,
        revalueMs: 0,
      },
    });
  }

  it("deletes ticks, decisions and alerts before the cutoff and only the books nothing kept needs", async () => {
    await snapshot("F0", null, 0);
    await snapshot("F1", null, 2);
    await snapshot("D0", "F1", 3);
    await snapshot("D1", "F1", 11);
    await snapshot("F2", null, 12);
    await tick(0, "F0");
    await tick(2, "F1");
    await tick(3, "D0");
    await tick(11, "D1");
    for (const [i, minute] of [1, 2, 3, 10].entries()) {
      await t.db.prisma.riskDecision.create({
        data: {
          id: `d${i}`,
          accountId: "acc-a",
          minuteTs: new Date(T0 + minute * 60_000),
          kind: "STATUS_CHANGE",
          fromStatus: "HEALTHY",
          toStatus: "WARNING",
          equity: "1",
          maintenance: "1",
          paramVersion: 1,
        },
      });
    }
    for (const [i, minute] of [9, 10].entries()) {
      await t.db.prisma.marketAlert.create({
        data: {
          id: `m${i}`,
          symbolCode: "600000.SH",
          ts: new Date(T0 + minute * 60_000),
          kind: "VOL_SPIKE",
          severity: "INFO",
          evidence: {},
        },
      });
    }
    // Batch of 2: three old ticks take two batches, three old decisions too.
    const counts = await purgeBefore(t.db.sql, CUTOFF, 2);
    expect(counts).toEqual({ riskTicks: 3, riskDecisions: 3, marketAlerts: 1, bookSnapshots: 2 });
    expect((await t.db.prisma.riskTick.findMany()).map((r) => r.bookDigest)).toEqual(["D1"]);
    expect((await t.db.prisma.riskDecision.findMany()).map((r) => r.id)).toEqual(["d3"]);
    expect((await t.db.prisma.marketAlert.findMany()).map((r) => r.id)).toEqual(["m1"]);
    // F0 (old tick only) and D0 (old tick only) go; F1 stays as D1's base, F2 as the newest full book.
    const kept = await t.db.prisma.riskBookSnapshot.findMany({ orderBy: { digest: "asc" } });
    expect(kept.map((r) => r.digest)).toEqual(["D1", "F1", "F2"]);
    // A second run finds nothing more.
    expect(await purgeBefore(t.db.sql, CUTOFF, 2)).toEqual({
      riskTicks: 0,
      riskDecisions: 0,
      marketAlerts: 0,
      bookSnapshots: 0,
    });
  });
});
