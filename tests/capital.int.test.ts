// C1-C3 through the tRPC router on a small book: the Euler contributions of the live book sum to its
// ES (Monte Carlo in the compute pool), the LCR and ladder come from the sources, loans and pools,
// concentration and hedges from the positions; who may read them.
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFundingDemo } from "@/server/funding/demo-seed";
import { feeEntry, interestAccrualEntry } from "@/server/ledger/ledger-math";
import { postEntryTx } from "@/server/ledger/ledger-service";
import { lossAbsorbedEntry } from "@/server/liquidation/waterfall-ledger";
import { closeComputePool } from "@/server/workers/compute-pool";
import { callerFor, createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("capital views on %s", (kind) => {
  let t: TestDatabase;
  const now = Date.UTC(2026, 11, 2, 2, 0);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.db.prisma.symbol.createMany({
      data: [
        { code: "A", sector: "BANKS", board: "MAIN" as const, beta: 1.1, avgDailyValue: 5e9 },
        { code: "B", sector: "BANKS", board: "MAIN" as const, beta: 0.9, avgDailyValue: 1e8 },
        { code: "C", sector: "CHIPS", board: "CHINEXT" as const, beta: 1.5, avgDailyValue: 5e8 },
      ].map((s) => ({ ...s, name: s.code, assetClass: "MAIN_BOARD", liquidityTier: "T1", prevClose: 10 })),
    });
    for (const [i, lines] of [
      [
        ["A", 10_000],
        ["C", 5_000],
      ],
      [["B", 20_000]],
      [
        ["A", 1_000],
        ["B", 1_000],
        ["C", 1_000],
      ],
    ].entries()) {
      const a = await t.db.prisma.account.create({
        data: { code: `C${i}`, clientName: `c${i}`, cash: "0", debt: "100000" },
      });
      for (const [symbol, qty] of lines as [string, number][])
        await t.db.prisma.position.create({
          data: { accountId: a.id, symbolCode: symbol, qty, avgCost: new Decimal(10) },
        });
    }
    await seedFundingDemo(t.db.prisma, { now });
  });
  afterAll(async () => {
    await closeComputePool();
    await t.drop();
  });

  it("the dashboard: contributions sum to the book's ES; LCR, reserve and ladder from sources and pools", async () => {
    const manager = await createUser(t.db, "MANAGER");
    const d = await callerFor(t.db, manager).capital.dashboard();
    // Exposures at prevClose 10 (no bars): 150,000, 200,000 and 30,000 CNY.
    expect(d.es.accountCount).toBe(3);
    expect(d.es.model).toBe("fallback");
    const sum = d.es.accounts.reduce((a, x) => a + x.contribution, 0);
    expect(sum).toBeCloseTo(d.es.es, 6);
    expect(d.es.es).toBeGreaterThan(d.es.var);
    // ES of a long book is at most its value and, at 2.5% daily sigma and 97.5%, several percent of it.
    expect(d.es.es).toBeLessThan(380_000);
    expect(d.es.es).toBeGreaterThan(0.02 * 380_000);
    expect(d.capitalUsed).toBe(300_000);
    // Demo pools 60M + 20M; the bank line (310M drawn) matures in 5 days and runs off 100%; the
    // institutional placement (120M, 25 days) 40%: net outflows 310 + 48 = 358M -> LCR 80/358 = 0.2235.
    expect(d.liquidity.lcr.hqla).toBe(80_000_000);
    expect(d.liquidity.lcr.netOutflows).toBeCloseTo(358_000_000, 0);
    expect(d.liquidity.lcr.lcr).toBeCloseTo(80 / 358, 9);
    expect(d.liquidity.lcrBelowLine).toBe(true);
    // Reserve 80M over 530M drawn.
    expect(d.liquidity.reserveRatio).toBeCloseTo(80 / 530, 9);
    const ladder = Object.fromEntries(d.liquidity.ladder.map((r) => [r.bucket, r.funding]));
    expect(ladder).toEqual({
      OVERNIGHT: 0,
      WEEK_1: 310_000_000,
      MONTH_1: 120_000_000,
      MONTH_3: 60_000_000,
      LONGER: 40_000_000,
    });
    expect(d.liquidity.ladder.find((r) => r.bucket === "LONGER")?.lending).toBe(300_000);
  });

  it("concentration and hedges from the positions", async () => {
    const c = await callerFor(t.db, await createUser(t.db, "AUDITOR")).capital.concentration({ topN: 2 });
    // A 110,000, B 210,000, C 60,000 of 380,000
    expect(c.bySymbol.map((b) => b.key)).toEqual(["B", "A", "C"]);
    expect(c.topShare).toBeCloseTo(320 / 380, 12);
    expect(c.hhiSymbol).toBeCloseTo((110 ** 2 + 210 ** 2 + 60 ** 2) / 380 ** 2, 12);
    expect(c.hedges.map((h) => h.proxy)).toEqual(["CSI300", "CSI500", "CHINEXT"]);
    expect(c.hedges[0]?.betaExposure).toBeCloseTo(1.1 * 110_000, 6);
  });

  it("daily P&L from the ledger and the book's ES split by funding product", async () => {
    // The fee is charged from the client's cash: give C0 some.
    const acc = await t.db.prisma.account.update({ where: { code: "C0" }, data: { cash: "100" } });
    await t.db.prisma.$transaction(async (tx) => {
      await postEntryTx(tx, interestAccrualEntry(acc.id, new Decimal("123.45")));
      await postEntryTx(tx, feeEntry(acc.id, new Decimal("10.00")));
      await postEntryTx(tx, lossAbsorbedEntry(acc.id, [{ layer: "RISK_CAPITAL", amount: new Decimal("20.00") }]));
    });
    const d = await callerFor(t.db, await createUser(t.db, "MANAGER")).capital.dashboard();
    // Today (Shanghai): income 123.45 + 10.00, the platform's risk capital absorbed 20.00 -> P&L 113.45.
    const today = d.pnl[d.pnl.length - 1];
    expect(today).toMatchObject({ income: 133.45, losses: 20 });
    expect(today?.pnl).toBeCloseTo(113.45, 9);
    // No loans in this book: every account's debt is the opening book's; the split keeps the ES.
    expect(d.products.map((p) => p.product)).toEqual(["OPENING_BOOK"]);
    expect(d.products[0]?.capitalUsed).toBe(300_000);
    expect(d.products[0]?.contribution).toBeCloseTo(d.es.es, 6);
  });

  it("COMPLIANCE and ADMIN may not read capital", async () => {
    for (const role of ["COMPLIANCE", "ADMIN"] as const)
      await expect(callerFor(t.db, await createUser(t.db, role)).capital.dashboard()).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
  });
});
