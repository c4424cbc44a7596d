// The capital domain's governed changes through tRPC: LCR assumptions (proposed, in force only once
// another MANAGER approves with a step-up; the LCR recomputed by hand) and credit-limit rebalancing
// plans (computed on the server, written only on approval, refused when a limit moved meanwhile, one
// winner when two managers approve at once). Bad input changes nothing.
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFundingDemo } from "@/server/funding/demo-seed";
import { closeComputePool } from "@/server/workers/compute-pool";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const ASSUMPTIONS = {
  haircut: { LEVEL1: 0, LEVEL2A: 0.15, LEVEL2B: 0.5 },
  runOff: { OWN_CAPITAL: 0, BANK_CREDIT: 0.5, INSTITUTIONAL: 0.4, RETAIL_POOL: 0.1 },
  undrawnDrawdown: 0.1,
  inflowRate: 0.5,
  inflowCap: 0.75,
  minLcr: 1,
  minReserveRatio: 0.1,
};

describe.each(BACKENDS)("capital governance on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser;
  let m1: TestUser;
  let m2: TestUser;
  const now = Date.UTC(2026, 11, 2, 2, 0);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.db.prisma.symbol.createMany({
      data: ["A", "B", "C"].map((code, i) => ({
        code,
        name: code,
        sector: "BANKS",
        board: "MAIN" as const,
        beta: 1,
        avgDailyValue: 1e9,
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        prevClose: 10 + i,
      })),
    });
    // Four accounts of very different size: the largest books carry the most ES per yuan of limit.
    for (const [i, qty] of [40_000, 20_000, 2_000, 500].entries()) {
      const a = await t.db.prisma.account.create({
        data: { code: `G${i}`, clientName: `g${i}`, cash: "0", debt: "100000" },
      });
      await t.db.prisma.position.create({
        data: { accountId: a.id, symbolCode: "ABC"[i % 3]!, qty, avgCost: new Decimal(10) },
      });
    }
    await seedFundingDemo(t.db.prisma, { now });
    risk = await createUser(t.db, "RISK");
    m1 = await createUser(t.db, "MANAGER");
    m2 = await createUser(t.db, "MANAGER");
  });
  afterAll(async () => {
    await closeComputePool();
    await t.drop();
  });

  it("LCR assumptions: proposed by RISK, in force only after a second person approves with a step-up", async () => {
    const before = await callerFor(t.db, m1).capital.liquidity();
    expect(before.params.version).toBe(0);
    const { version } = await callerFor(t.db, risk).capital.proposeLiquidity({
      assumptions: ASSUMPTIONS,
      reason: "Bank line is committed for 30 days",
    });
    expect(version).toBe(1);
    // Still the built-in assumptions until approved.
    expect((await callerFor(t.db, m1).capital.liquidity()).lcr.lcr).toBeCloseTo(before.lcr.lcr ?? NaN, 12);
    // A second proposal while one waits is refused; RISK cannot decide; a manager needs a step-up.
    await expect(
      callerFor(t.db, m1).capital.proposeLiquidity({ assumptions: ASSUMPTIONS, reason: "again, meanwhile" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      callerFor(t.db, risk).capital.decide({ key: "capital.liquidity", version, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(t.db, m1).capital.decide({ key: "capital.liquidity", version, approve: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await markStepUp(t.db, m1);
    await callerFor(t.db, m1).capital.decide({ key: "capital.liquidity", version, approve: true, note: "agreed" });
    const after = await callerFor(t.db, m2).capital.liquidity();
    expect(after.params.version).toBe(1);
    // Demo book (see capital.int.test.ts): pools 80M; bank line 310M due in 5 days now runs off 50%,
    // institutional 120M at 40%: net outflows 155M + 48M = 203M -> LCR 80 / 203.
    expect(after.lcr.netOutflows).toBeCloseTo(203_000_000, 0);
    expect(after.lcr.lcr).toBeCloseTo(80 / 203, 9);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { targetType: "GovernedSetting" },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: "capital.liquidity.proposed", actorId: risk.id },
      { action: "capital.liquidity.approved", actorId: m1.id },
    ]);
  });

  it("bad assumptions are a 400 and change nothing", async () => {
    const caller = callerFor(t.db, m2);
    const bad = [
      { ...ASSUMPTIONS, minLcr: 11 },
      { ...ASSUMPTIONS, inflowRate: 1.5 },
      { ...ASSUMPTIONS, runOff: { ...ASSUMPTIONS.runOff, BANK_CREDIT: -0.1 } },
      { ...ASSUMPTIONS, extra: 1 },
      JSON.parse(`{"__proto__":{"minLcr":0},${JSON.stringify(ASSUMPTIONS).slice(1)}`),
      { ...ASSUMPTIONS, haircut: { ...ASSUMPTIONS.haircut, LEVEL2B: "0.5" } },
    ];
    for (const assumptions of bad)
      await expect(caller.capital.proposeLiquidity({ assumptions, reason: "bad input test" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    // (A NUL character never reaches a procedure: the HTTP layer refuses it, see trpc-guard.test.ts.)
    expect(await t.db.prisma.governedSetting.count({ where: { key: "capital.liquidity" } })).toBe(1);
  });

  const limitsFen = async () => {
    const rows = await t.db.prisma.creditLimit.findMany({ where: { accountId: { not: "*" } } });
    return new Map(rows.map((r) => [r.accountId, Math.round(Number(r.limitAmount) * 100)]));
  };

  it("a rebalancing plan writes limits only on approval, keeping their total; a stale plan is refused", async () => {
    const options = { mode: "RISK" as const, shiftShare: 0.1, groupShare: 0.25 };
    const preview = await callerFor(t.db, risk).capital.previewRebalance(options);
    // One donor (the largest ES per yuan of the default 5,000,000 limit) gives 500,000; one receiver gets it.
    expect(preview.changes.map((c) => [c.fromFen, c.toFen])).toEqual([
      [500_000_000, 450_000_000],
      [500_000_000, 550_000_000],
    ]);
    expect(preview.changes[0]?.code).toBe("G0");
    expect(preview.changes[1]?.code).toBe("G3");
    const p = await callerFor(t.db, risk).capital.proposeRebalance({
      ...options,
      reason: "Shift limit off the top ES",
    });
    expect(p.version).toBe(1);
    expect((await limitsFen()).size).toBe(0); // nothing written yet
    await markStepUp(t.db, m2);
    await markStepUp(t.db, m1);
    await callerFor(t.db, m1).capital.decide({ key: "capital.rebalance", version: 1, approve: true });
    const written = await limitsFen();
    expect([...written.values()].sort()).toEqual([450_000_000, 550_000_000]);

    // A plan made on these limits, then one limit moves: approval is refused and nothing is written.
    const stale = await callerFor(t.db, m2).capital.proposeRebalance({ ...options, reason: "Second shift today" });
    // The proposer may not approve their own plan (maker-checker).
    await expect(
      callerFor(t.db, m2).capital.decide({ key: "capital.rebalance", version: stale.version ?? -1, approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const g0 = await t.db.prisma.account.findUniqueOrThrow({ where: { code: "G0" } });
    await t.db.prisma.creditLimit.update({ where: { accountId: g0.id }, data: { limitAmount: "4400000" } });
    const snapshot = await limitsFen();
    await expect(
      callerFor(t.db, m1).capital.decide({ key: "capital.rebalance", version: stale.version ?? -1, approve: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await limitsFen()).toEqual(snapshot);
    const row = await t.db.prisma.governedSetting.findUniqueOrThrow({
      where: { key_version: { key: "capital.rebalance", version: stale.version ?? -1 } },
    });
    expect(row.status).toBe("PROPOSED");
    await callerFor(t.db, m1).capital.decide({ key: "capital.rebalance", version: row.version, approve: false });
  });

  // Concurrency means something on PostgreSQL; on PGlite the two calls serialize and the rule still holds.
  it("two managers approving one plan at once: exactly one decision lands", async () => {
    const m3 = await createUser(t.db, "MANAGER");
    const options = { mode: "RETURN_RISK" as const, shiftShare: 0.05, groupShare: 0.25 };
    const p = await callerFor(t.db, m3).capital.proposeRebalance({ ...options, reason: "Return per risk review" });
    await markStepUp(t.db, m1);
    await markStepUp(t.db, m2);
    const before = await limitsFen();
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const results = await Promise.allSettled(
      [m1, m2].map((m) =>
        callerFor(t.db, m).capital.decide({ key: "capital.rebalance", version: p.version ?? -1, approve: true }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await limitsFen();
    // Applied once: accounts that had no own row get one; the moved total is conserved (default 5M each).
    const withDefault = (m: Map<string, number>, ids: string[]) =>
      ids.reduce((s, id) => s + (m.get(id) ?? 500_000_000), 0);
    const ids = [...new Set([...before.keys(), ...after.keys()])];
    expect(withDefault(after, ids)).toBe(withDefault(before, ids));
    expect(total(after)).toBeGreaterThan(0);
  });
});
