// F1 funding through the services and the tRPC router, against PGlite (and PostgreSQL when
// TEST_DATABASE_URL is set): each limit on both sides of its boundary, failover when a source goes
// down or its cost spikes (alert + audit), the MANAGER's step-up, accrual agreeing with the ledger,
// tranche products feeding the waterfall's tranche layers, and two loans racing for the last headroom.
import Decimal from "decimal.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accrueDay } from "@/server/funding/accrual-service";
import { requestNewLending, type LendingDecision } from "@/server/funding/lending-service";
import { listTranches, createTrancheProduct } from "@/server/funding/tranche-service";
import { postEntryTx } from "@/server/ledger/ledger-service";
import { lossAbsorbedEntry, readWaterfall, seedWaterfallLayers } from "@/server/liquidation/waterfall-ledger";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const DAY = 86_400_000;
const actor = { id: "system", email: "system:test" };

describe.each(BACKENDS)("funding on %s", (kind) => {
  let t: TestDatabase;
  let manager: TestUser;
  let risk: TestUser;
  let acct = "";
  let n = 0;

  async function newAccount(debt = 0, limit: number | null = 10_000_000) {
    n++;
    const a = await t.db.prisma.account.create({
      data: { code: `T${n}`, clientName: `Client ${n}`, cash: "0", debt: debt.toFixed(2) },
    });
    if (debt > 0) {
      await t.db.prisma.$transaction((tx) =>
        postEntryTx(tx, {
          kind: "OPENING",
          postings: [
            { ledgerAccount: "CLIENT_DEBT", accountId: a.id, amount: new Decimal(debt) },
            { ledgerAccount: "FUNDING", accountId: null, amount: new Decimal(-debt) },
          ],
        }),
      );
      await t.db.prisma.account.update({ where: { id: a.id }, data: { debt: debt.toFixed(2) } });
    }
    if (limit !== null)
      await t.db.prisma.creditLimit.create({ data: { accountId: a.id, limitAmount: limit.toFixed(2) } });
    return a.id;
  }

  const lend = (accountId: string, symbol: string, amount: Decimal.Value, termDays = 365): Promise<LendingDecision> =>
    requestNewLending(t.db.prisma, actor, { accountId, symbol, amount, termDays });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    manager = await createUser(t.db, "MANAGER");
    risk = await createUser(t.db, "RISK");
    await t.db.prisma.symbol.createMany({
      data: [
        ["600000.SH", "BANKS"],
        ["601398.SH", "BANKS"],
        ["300750.SZ", "BATTERIES"],
      ].map(([code, sector]) => ({
        code: code as string,
        name: code as string,
        sector: sector as string,
        board: "MAIN" as const,
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        beta: 1,
        prevClose: 10,
        avgDailyValue: 1e9,
      })),
    });
  });
  afterAll(async () => {
    await t.drop();
  });

  beforeEach(async () => {
    await t.db.prisma.loanAccrual.deleteMany();
    await t.db.prisma.loan.deleteMany();
    await t.db.prisma.fundingAlert.deleteMany();
    await t.db.prisma.concentrationLimit.deleteMany();
    await t.db.prisma.fundingSource.deleteMany();
    await t.db.prisma.fundingSource.createMany({
      data: [
        {
          code: "BANK",
          name: "Bank line",
          kind: "BANK_CREDIT",
          limitAmount: "100000000",
          costRate: 0.038,
          spikeRate: 0.06,
          maturityDate: new Date(Date.now() + 5 * DAY),
          priority: 1,
          backupCode: "INST",
        },
        {
          code: "INST",
          name: "Institutional",
          kind: "INSTITUTIONAL",
          limitAmount: "100000000",
          costRate: 0.055,
          spikeRate: 0.08,
          maturityDate: new Date(Date.now() + 90 * DAY),
          priority: 2,
          backupCode: null,
        },
      ],
    });
    acct = await newAccount();
  });

  it("client credit limit: a loan up to the limit is lent, one fen over is refused", async () => {
    const a = await newAccount(400_000, 1_000_000);
    // debt 400,000 + 600,000 = 1,000,000 = the limit: allowed
    const ok = await lend(a, "600000.SH", 600_000);
    expect(ok).toMatchObject({ ok: true, sourceCode: "BANK", failoverFrom: null });
    const after = await t.db.prisma.account.findUniqueOrThrow({ where: { id: a } });
    expect([after.debt.toString(), after.cash.toString()]).toEqual(["1000000", "600000"]);
    // debt 1,000,000 + 0.01 > 1,000,000: refused, nothing written
    const no = await lend(a, "600000.SH", "0.01");
    expect(no.ok).toBe(false);
    if (!no.ok) expect(no.refusals.map((r) => r.limit)).toEqual(["CLIENT_CREDIT"]);
    expect(await t.db.prisma.loan.count({ where: { accountId: a } })).toBe(1);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "funding.lending.refused", targetId: a } })).toBe(1);
  });

  it("symbol concentration limit on both sides", async () => {
    await t.db.prisma.concentrationLimit.create({ data: { scope: "SYMBOL", key: "600000.SH", maxAmount: "2000000" } });
    expect((await lend(acct, "600000.SH", 2_000_000)).ok).toBe(true);
    const no = await lend(await newAccount(), "600000.SH", "0.01");
    expect(no.ok ? [] : no.refusals.map((r) => [r.limit, r.key])).toEqual([["SYMBOL", "600000.SH"]]);
    // another symbol is not affected
    expect((await lend(acct, "300750.SZ", 1)).ok).toBe(true);
  });

  it("small caps (liquidity tier T3) take the tighter tier row; a symbol's own row still wins", async () => {
    await t.db.prisma.symbol.update({ where: { code: "300750.SZ" }, data: { liquidityTier: "T3" } });
    await t.db.prisma.concentrationLimit.createMany({
      data: [
        { scope: "SYMBOL", key: "*", maxAmount: "5000000" },
        { scope: "SYMBOL", key: "TIER:T3", maxAmount: "1000000" },
      ],
    });
    expect((await lend(acct, "300750.SZ", 1_000_000)).ok).toBe(true);
    const no = await lend(await newAccount(), "300750.SZ", "0.01");
    expect(no.ok ? [] : no.refusals.map((r) => [r.limit, r.key, r.max.toNumber()])).toEqual([
      ["SYMBOL", "300750.SZ", 1_000_000],
    ]);
    // A T1 symbol is held to the default row only.
    expect((await lend(await newAccount(), "600000.SH", 2_000_000)).ok).toBe(true);
    // A symbol's own row overrides its tier's.
    await t.db.prisma.concentrationLimit.create({ data: { scope: "SYMBOL", key: "300750.SZ", maxAmount: "1500000" } });
    expect((await lend(await newAccount(), "300750.SZ", 500_000)).ok).toBe(true);
    await t.db.prisma.symbol.update({ where: { code: "300750.SZ" }, data: { liquidityTier: "T1" } });
  });

  it("sector concentration limit (the default '*' row) on both sides, across symbols of the sector", async () => {
    await t.db.prisma.concentrationLimit.create({ data: { scope: "SECTOR", key: "*", maxAmount: "3000000" } });
    expect((await lend(acct, "600000.SH", 1_000_000)).ok).toBe(true);
    expect((await lend(await newAccount(), "601398.SH", 2_000_000)).ok).toBe(true); // BANKS at 3,000,000: the limit
    const no = await lend(await newAccount(), "601398.SH", "0.01");
    expect(no.ok ? [] : no.refusals.map((r) => [r.limit, r.key])).toEqual([["SECTOR", "BANKS"]]);
  });

  it("source concentration limit: up to it the source lends, past it new lending fails over", async () => {
    await t.db.prisma.concentrationLimit.create({ data: { scope: "SOURCE", key: "BANK", maxAmount: "1000000" } });
    expect(await lend(acct, "600000.SH", 1_000_000)).toMatchObject({ ok: true, sourceCode: "BANK" });
    const next = await lend(acct, "600000.SH", "0.01");
    expect(next).toMatchObject({ ok: true, sourceCode: "INST", failoverFrom: "BANK" });
    const alerts = await t.db.prisma.fundingAlert.findMany({ where: { kind: "FAILOVER" } });
    expect(alerts.map((a) => a.sourceCode)).toEqual(["BANK"]);
  });

  it("no source with headroom: refused with an alert, nothing lent", async () => {
    await t.db.prisma.fundingSource.updateMany({ data: { limitAmount: "100" } });
    const no = await lend(acct, "600000.SH", 101);
    expect(no).toMatchObject({ ok: false, noSource: true });
    expect(await t.db.prisma.fundingAlert.count({ where: { kind: "NO_SOURCE" } })).toBe(1);
    expect(await t.db.prisma.loan.count()).toBe(0);
  });

  it("a MANAGER with a step-up marks a source down: alert, audit, and new lending goes to the backup", async () => {
    const caller = callerFor(t.db, manager);
    const since = (await t.db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const { sources } = await caller.funding.sources();
    const bank = sources.find((s) => s.code === "BANK");
    // RISK may not; a MANAGER without a fresh step-up is asked for one.
    await expect(
      callerFor(t.db, risk).funding.setSourceStatus({
        code: "BANK",
        status: "DOWN",
        reason: "bank outage",
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.funding.setSourceStatus({ code: "BANK", status: "DOWN", reason: "bank outage", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await markStepUp(t.db, manager);
    const r = await caller.funding.setSourceStatus({
      code: "BANK",
      status: "DOWN",
      reason: "bank outage",
      expectedVersion: bank?.version ?? -1,
    });
    expect(r).toMatchObject({ status: "DOWN", newLendingTo: "INST" });
    // A stale version is refused.
    await expect(
      caller.funding.setSourceStatus({ code: "BANK", status: "ACTIVE", reason: "back", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const alerts = await caller.funding.alerts();
    expect(alerts[0]).toMatchObject({ kind: "SOURCE_DOWN", sourceCode: "BANK" });
    expect(alerts[0]?.message).toMatch(/new lending goes to INST/);
    expect((await caller.funding.sources()).routing).toMatchObject({
      activeCode: "INST",
      failedOver: true,
      reason: "DOWN",
    });
    const loan = await lend(acct, "600000.SH", 50_000);
    expect(loan).toMatchObject({ ok: true, sourceCode: "INST", failoverFrom: "BANK" });
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { id: { gt: since }, action: { in: ["funding.source.status", "funding.failover"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["funding.source.status", manager.email],
      ["funding.failover", actor.email],
    ]);
    expect(Number((await t.db.prisma.fundingSource.findUniqueOrThrow({ where: { code: "INST" } })).drawn)).toBe(50_000);
  });

  it("a cost spike above the source's line fails new lending over, with an alert", async () => {
    await markStepUp(t.db, manager);
    const r = await callerFor(t.db, manager).funding.setSourceCost({
      code: "BANK",
      costRate: 0.07,
      expectedVersion: 0,
    });
    expect(r.newLendingTo).toBe("INST");
    expect(await t.db.prisma.fundingAlert.count({ where: { kind: "COST_SPIKE", sourceCode: "BANK" } })).toBe(1);
    expect(await lend(acct, "600000.SH", 10)).toMatchObject({ ok: true, sourceCode: "INST", failoverFrom: "BANK" });
  });

  it("the account's client rate: source cost + volatility, history and term premia, by hand", async () => {
    await t.db.prisma.position.create({
      data: { accountId: acct, symbolCode: "600000.SH", qty: 1000, avgCost: new Decimal(10) },
    });
    const bank = await t.db.prisma.fundingSource.findUniqueOrThrow({ where: { code: "BANK" } });
    // One loan 10.2 days past its 30-day term: 10 whole days overdue.
    await t.db.prisma.loan.create({
      data: {
        accountId: acct,
        sourceId: bank.id,
        symbol: "600000.SH",
        sector: "BANKS",
        principal: "1000.00",
        rate: 0.05,
        feeRate: 0.01,
        termDays: 30,
        createdAt: new Date(Date.now() - 40.2 * DAY),
      },
    });
    const q = await callerFor(t.db, risk).funding.quote({ accountId: acct });
    // No bars: the fallback 2.5% a day -> 0.025 * sqrt(242) = 38.891% a year.
    expect(q.sigmaAnnual).toBeCloseTo(0.025 * Math.sqrt(242), 9);
    expect(q.overdueDays12m).toBe(10);
    expect(q.sourceCode).toBe("BANK");
    // 3.8% + 0.05 * (0.38891 - 0.30) + 10 * 0.05% + 1% * 180/365 = 3.8% + 0.44456% + 0.5% + 0.49315%
    expect(q.quote?.volPremium).toBeCloseTo(0.05 * (0.025 * Math.sqrt(242) - 0.3), 9);
    expect(q.quote?.historyPremium).toBeCloseTo(0.005, 12);
    expect(q.quote?.termPremium).toBeCloseTo(0.01 * (180 / 365), 12);
    expect(q.quote?.rate).toBeCloseTo(0.038 + 0.0044456 + 0.005 + 0.0049315, 6);
    // COMPLIANCE does not see funding; an unknown account is a 404.
    const compliance = await createUser(t.db, "COMPLIANCE");
    await expect(callerFor(t.db, compliance).funding.quote({ accountId: acct })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(t.db, risk).funding.quote({ accountId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await t.db.prisma.position.deleteMany({ where: { accountId: acct } });
  });

  it("daily accrual agrees with the ledger, by hand, and is posted once", async () => {
    // Clean client, unknown volatility (= the 30% reference: no add-on), 365-day term: rate = 3.8% + 1% = 4.8%.
    const loan = await lend(acct, "600000.SH", 1_000_000, 365);
    expect(loan.ok && loan.quote.rate).toBeCloseTo(0.048, 12);
    const before = await t.db.prisma.account.findUniqueOrThrow({ where: { id: acct } });
    // interest 1,000,000 x 4.8% / 365 = 131.5068 -> 131.51; fee 1,000,000 x 1% / 365 = 27.397 -> 27.40
    const r = await accrueDay(t.db.prisma, "2026-12-01");
    expect(r).toMatchObject({ loans: 1, interest: 131.51, fees: 27.4 });
    expect(await accrueDay(t.db.prisma, "2026-12-01")).toMatchObject({ loans: 0 });
    const r2 = await accrueDay(t.db.prisma, "2026-12-02");
    expect(r2.interest).toBe(131.51);
    const sums = await t.db.prisma.loanAccrual.aggregate({ _sum: { interest: true, fee: true } });
    const ledger = await t.db.prisma.posting.groupBy({
      by: ["ledgerAccount"],
      where: { ledgerAccount: { in: ["INTEREST_INCOME", "FEE_INCOME"] }, entry: { refType: "Loan" } },
      _sum: { amount: true },
    });
    const bal = (a: string) => Number(ledger.find((l) => l.ledgerAccount === a)?._sum.amount ?? 0);
    expect(-bal("INTEREST_INCOME")).toBeCloseTo(Number(sums._sum.interest), 2);
    expect(-bal("INTEREST_INCOME")).toBeCloseTo(263.02, 2);
    expect(-bal("FEE_INCOME")).toBeCloseTo(54.8, 2);
    const after = await t.db.prisma.account.findUniqueOrThrow({ where: { id: acct } });
    expect(Number(after.debt) - Number(before.debt)).toBeCloseTo(263.02, 2);
    expect(Number(before.cash) - Number(after.cash)).toBeCloseTo(54.8, 2);
    // The client's ledger balances still equal Account.cash / debt.
    const client = await t.db.prisma.posting.groupBy({
      by: ["ledgerAccount"],
      where: { accountId: acct },
      _sum: { amount: true },
    });
    const c = (a: string) => Number(client.find((l) => l.ledgerAccount === a)?._sum.amount ?? 0);
    expect(c("CLIENT_DEBT")).toBeCloseTo(Number(after.debt), 2);
    expect(-c("CLIENT_CASH")).toBeCloseTo(Number(after.cash), 2);
  });

  it("tranche products fund the waterfall's junior and senior layers and share their losses", async () => {
    await createTrancheProduct(t.db.prisma, null, {
      code: "UT-A",
      name: "A",
      total: 40_000_000,
      ratio: 3,
      juniorYield: 0.12,
      seniorYield: 0.06,
    });
    await createTrancheProduct(t.db.prisma, null, {
      code: "UT-B",
      name: "B",
      total: 70_000_000,
      ratio: 2.5,
      juniorYield: 0.11,
      seniorYield: 0.06,
    });
    // The demo seeding of the waterfall then funds only the layers no product funds.
    await seedWaterfallLayers(t.db.prisma);
    const layers = new Map((await readWaterfall(t.db.prisma)).map((l) => [l.layer, l.balance]));
    // A: 10M junior / 30M senior; B: 20M / 50M -> junior 30M, senior 80M
    expect(layers.get("JUNIOR_TRANCHE")).toBe(30_000_000);
    expect(layers.get("SENIOR_TRANCHE")).toBe(80_000_000);
    expect(layers.get("RISK_CAPITAL")).toBe(5_000_000);
    // The waterfall books 3M to the junior layer: A takes 1M, B 2M (10 : 20).
    const victim = await newAccount(3_000_000, null);
    await t.db.prisma.$transaction((tx) =>
      postEntryTx(tx, lossAbsorbedEntry(victim, [{ layer: "JUNIOR_TRANCHE", amount: new Decimal(3_000_000) }])),
    );
    const tr = await listTranches(t.db.prisma);
    expect(tr.products.map((p) => [p.code, p.juniorSize, p.seniorSize, p.juniorLoss, p.seniorLoss])).toEqual([
      ["UT-A", 10_000_000, 30_000_000, 1_000_000, 0],
      ["UT-B", 20_000_000, 50_000_000, 2_000_000, 0],
    ]);
  });

  it("two loans racing for the last of a credit limit: exactly one is lent", async () => {
    const a = await newAccount(0, 1_000_000);
    const results = await Promise.all([lend(a, "600000.SH", 600_000), lend(a, "600000.SH", 600_000)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(Number((await t.db.prisma.account.findUniqueOrThrow({ where: { id: a } })).debt)).toBe(600_000);
  });
});
