// Reports end to end through appRouter.createCaller on a hand-built book (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set). Figures worked by hand:
//   symbol AAA: last bar close 12 (prevClose 10); BBB: no bar, prevClose 20.
//   acc1: cash 0, debt 100,000, 10,000 AAA -> MV 120,000, equity 20,000, leverage 120,000/20,000 = 6x (5-10x)
//   acc2: cash 5,000, debt 50,000, 3,000 BBB -> MV 60,000, equity 15,000, leverage 65,000/15,000 = 4.33x (3-5x)
//   acc3: cash 1,000, no debt -> not in the leverage distribution
//   acc4: cash 0, debt 30,000, 1,000 AAA -> MV 12,000, equity -18,000 (equity <= 0)
//   book debt 180,000; acc1's share 100,000 / 180,000 = 55.56%.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { generateDueReports } from "@/server/reports/report-service";
import type { ReportSection } from "@/server/reports/report-document";
import { storedStressRuns } from "@/server/stress/stored-runs";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Wednesday 2026-12-02 20:00 Shanghai: November 2026 and week 2026-W48 have ended.
const NOW = Date.parse("2026-12-02T12:00:00Z");
const IN_NOV = new Date("2026-11-20T03:00:00Z");

const table = (sections: ReportSection[], id: string) => {
  const s = sections.find((x) => x.id === id);
  if (!s || s.kind !== "table") throw new Error(`no table ${id}`);
  return s;
};
const chart = (sections: ReportSection[], id: string) => {
  const s = sections.find((x) => x.id === id);
  if (!s || s.kind !== "chart") throw new Error(`no chart ${id}`);
  return s;
};

describe.each(BACKENDS)("reports on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser, compliance: TestUser, manager: TestUser, manager2: TestUser, auditor: TestUser, admin: TestUser;
  const as = (u: TestUser) =>
    callerFor(t.db, u, { services: { reports: { now: () => NOW, stressRuns: storedStressRuns(t.db.prisma) } } });

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    risk = await createUser(t.db, "RISK");
    compliance = await createUser(t.db, "COMPLIANCE");
    manager = await createUser(t.db, "MANAGER");
    manager2 = await createUser(t.db, "MANAGER", { email: "manager2@test.local" });
    auditor = await createUser(t.db, "AUDITOR");
    admin = await createUser(t.db, "ADMIN");
    const p = t.db.prisma;
    const sym = {
      sector: "Tech",
      board: "MAIN" as const,
      assetClass: "MAIN_BOARD",
      liquidityTier: "T1",
      beta: 1,
      avgDailyValue: 1e8,
    };
    await p.symbol.create({ data: { code: "AAA", name: "甲公司", prevClose: 10, ...sym } });
    await p.symbol.create({ data: { code: "BBB", name: "乙公司", prevClose: 20, ...sym } });
    const bar = {
      open: 11,
      high: 12,
      low: 11,
      volume: 100,
      turnover: 1200,
      vwap: 12,
      trades: 1,
      spreadBps: 5,
      bidDepth: 1,
      askDepth: 1,
      imbalance: 0,
    };
    await p.bar1m.create({ data: { symbolCode: "AAA", ts: new Date("2026-12-02T06:00:00Z"), close: 11.5, ...bar } });
    await p.bar1m.create({ data: { symbolCode: "AAA", ts: new Date("2026-12-02T06:59:00Z"), close: 12, ...bar } });
    const acc = async (id: string, cash: number, debt: number, pos: Array<[string, number]>) => {
      await p.account.create({ data: { id, code: `MD-${id}`, clientName: `客户${id}`, cash, debt } });
      for (const [symbolCode, qty] of pos)
        await p.position.create({ data: { accountId: id, symbolCode, qty, avgCost: 10 } });
    };
    await acc("acc1", 0, 100_000, [["AAA", 10_000]]);
    await acc("acc2", 5_000, 50_000, [["BBB", 3_000]]);
    await acc("acc3", 1_000, 0, []);
    await acc("acc4", 0, 30_000, [["AAA", 1_000]]);
    const lv = { refType: "Deposit", threshold: 50_000 };
    await p.largeValueReport.create({
      data: { ...lv, refId: "d1", accountId: "acc1", amount: 60_000, category: "CASH", createdAt: IN_NOV },
    });
    await p.largeValueReport.create({
      data: { ...lv, refId: "d2", accountId: "acc2", amount: 2_000_000, category: "DOMESTIC", createdAt: IN_NOV },
    });
    // December: outside November's report.
    await p.largeValueReport.create({
      data: {
        ...lv,
        refId: "d3",
        accountId: "acc2",
        amount: 70_000,
        category: "CASH",
        createdAt: new Date("2026-12-01T03:00:00Z"),
      },
    });
    await p.surveillanceCase.create({
      data: {
        accountId: "acc2",
        status: "CLOSED",
        disposition: "STR_FILED",
        priority: 1,
        rules: ["WASH_TRADE"],
        slaDueAt: IN_NOV,
        openedAt: IN_NOV,
        closedAt: IN_NOV,
      },
    });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("builds the regulatory report of November from the tables, worked by hand", async () => {
    const { id, created } = await as(compliance).reports.generate({ kind: "REGULATORY", period: "2026-11" });
    expect(created).toBe(true);
    const r = await as(auditor).reports.get({ id });
    expect(r.status).toBe("FINAL");
    expect(r.document.period.label).toBe("2026-11");
    expect(r.document.period.start).toBe("2026-10-31T16:00:00.000Z");
    expect(r.dataIntact).toBe(true);
    const s = r.document.sections;
    const exp = table(s, "exposures");
    expect(exp.rows.map((x) => x[0])).toEqual(["MD-acc1", "MD-acc2", "MD-acc4"]);
    expect(exp.rows[0]).toEqual([
      "MD-acc1",
      "客户acc1",
      "CNY 100,000.00",
      "55.56%",
      "CNY 120,000.00",
      "CNY 20,000.00",
      "6.00x",
      "HEALTHY",
    ]);
    expect(exp.rows[1]?.[6]).toBe("4.33x");
    expect(exp.rows[2]?.[5]).toBe("CNY -18,000.00");
    expect(exp.rows[2]?.[6]).toBe("equity <= 0");
    expect(exp.links?.[0]).toBe("/accounts/acc1");
    const lev = Object.fromEntries(chart(s, "leverage").bars.map((b) => [b.label, b.value]));
    expect(lev).toEqual({ "<= 1.5x": 0, "1.5-2x": 0, "2-3x": 0, "3-5x": 1, "5-10x": 1, "> 10x": 0, "equity <= 0": 1 });
    expect(table(s, "large-value-summary").rows).toEqual([
      ["CASH", "1", "CNY 60,000.00"],
      ["DOMESTIC", "1", "CNY 2,000,000.00"],
    ]);
    expect(table(s, "large-value").rows).toHaveLength(2);
    expect(table(s, "strs").rows.map((x) => x[1])).toEqual(["MD-acc2"]);
    // Generation and reading are on the audit chain, which still verifies.
    const actions = (await t.db.prisma.auditEvent.findMany({ select: { action: true } })).map((a) => a.action);
    expect(actions).toContain("report.generated");
    expect((await verifyAuditChain(t.db.prisma)).ok).toBe(true);
  });

  it("keeps the regulatory report (STRs) from roles that may not read STRs", async () => {
    const { id } = await as(compliance).reports.generate({ kind: "REGULATORY", period: "2026-11" });
    await expect(as(risk).reports.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(manager).reports.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(risk).reports.generate({ kind: "REGULATORY" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await as(risk).reports.list({})).items).toHaveLength(0);
    expect((await as(auditor).reports.list({})).items.map((i) => i.id)).toEqual([id]);
    await expect(as(admin).reports.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("generates a period once: the scheduler and two people at once get one row", async () => {
    const results = await Promise.all([
      as(risk).reports.generate({ kind: "WEEKLY_RISK", period: "2026-W48" }),
      as(manager).reports.generate({ kind: "WEEKLY_RISK", period: "2026-W48" }),
      generateDueReports({ prisma: t.db.prisma, stressRuns: storedStressRuns(t.db.prisma), now: () => NOW }),
    ]);
    const rows = await t.db.prisma.report.findMany({ where: { kind: "WEEKLY_RISK" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.periodKey).toBe("2026-W48");
    expect(results[0].id).toBe(results[1].id);
    // The scheduler's second pass makes nothing new.
    expect(
      await generateDueReports({ prisma: t.db.prisma, stressRuns: storedStressRuns(t.db.prisma), now: () => NOW }),
    ).toEqual([]);
    expect(await t.db.prisma.report.count()).toBe(3); // weekly, monthly stress, regulatory
  });

  it("files the running week as PROVISIONAL, never in the final report's place", async () => {
    const { id } = await as(risk).reports.generate({ kind: "WEEKLY_RISK" });
    const r = await as(risk).reports.get({ id });
    expect(r.status).toBe("PROVISIONAL");
    expect(r.document.period.label).toMatch(/^2026-W49 to 2026-12-02T12:00Z$/);
    await expect(as(risk).reports.generate({ kind: "WEEKLY_RISK", period: "2026-W49" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(as(risk).reports.generate({ kind: "WEEKLY_RISK", period: "2026-11" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("the monthly stress summary lists the period's finished stress runs, and says so plainly when there is none", async () => {
    const { id: emptyId } = await as(manager).reports.generate({ kind: "MONTHLY_STRESS", period: "2026-10" });
    const empty = table((await as(auditor).reports.get({ id: emptyId })).document.sections, "runs");
    expect(empty.rows).toEqual([]);
    expect(empty.empty.en).toMatch(/No stress run finished in this period/);
    const kpis = {
      breaching: { warning: 12, liquidation: 5, hardFloor: 2 },
      liquidationNotional: 1_250_000,
      fills: 40,
      slippageMeanBps: 18.5,
      slippageP95Bps: 61.2,
      minutesToLiquidateMax: 7,
      recoveryRate: 0.97,
      shortfall: 42_000,
      guaranteeFundSufficient: true,
    };
    await t.db.prisma.stressRun.create({
      data: {
        scenarioId: "hist.china-2015",
        scenarioName: "China 2015",
        kind: "HISTORICAL",
        status: "DONE",
        createdById: manager.id,
        createdByEmail: manager.email,
        finishedAt: new Date("2026-11-12T03:00:00Z"),
        kpis,
      },
    });
    // A run of another month and an unfinished one are not in November's summary.
    await t.db.prisma.stressRun.create({
      data: {
        scenarioId: "x",
        scenarioName: "Running",
        kind: "SYNTHETIC",
        status: "RUNNING",
        createdById: manager.id,
        createdByEmail: manager.email,
      },
    });
    const { id } = await as(manager).reports.generate({ kind: "MONTHLY_STRESS", period: "2026-11" });
    const runs = table((await as(auditor).reports.get({ id })).document.sections, "runs");
    expect(runs.rows).toHaveLength(1);
    expect(JSON.stringify(runs.rows[0])).toContain("China 2015");
  });

  it("incident review: timeline from the audit trail, on-call incidents, write-up, four-eyes sign-off", async () => {
    const from = new Date(Date.now() - 60_000);
    const p = t.db.prisma;
    const opened = Date.now() - 30_000;
    const incident = (o: { key: string; title: string; titleZh: string; severity: string; link: string }) => ({
      ...o,
      kind: "test",
      detail: "",
      detailZh: "",
      status: "OPEN",
      policyVersion: 1,
      firstRole: "RISK",
      escalateAfterMin: 5,
      chain: [],
      firstAt: new Date(opened),
      lastAt: new Date(opened),
      lastPagedAt: new Date(opened),
    });
    const page = (level: number) => ({
      userId: risk.id,
      role: "RISK",
      level,
      reason: level === 0 ? "FIRST" : "ESCALATION",
      severity: "WARNING",
      createdAt: new Date(opened),
    });
    await p.oncallIncident.create({
      data: {
        ...incident({
          key: "ticket:t1",
          title: "Hard floor: MD-1",
          titleZh: "触及强平线：MD-1",
          severity: "CRITICAL",
          link: "/accounts/acc1",
        }),
        status: "ACKNOWLEDGED",
        acknowledgedById: risk.id,
        acknowledgedAt: new Date(opened + 270_000),
        pages: { create: [page(0)] },
      },
    });
    await p.oncallIncident.create({
      data: {
        ...incident({
          key: "feed:failover",
          title: "Market feed failed over to secondary",
          titleZh: "Market feed failed over to secondary",
          severity: "WARNING",
          link: "/market/feeds",
        }),
        firstAt: new Date(opened + 1),
        level: 1,
        pages: { create: [page(0), page(1)] },
      },
    });
    // Outside the window: not listed.
    await p.oncallIncident.create({
      data: {
        ...incident({ key: "old", title: "Old", titleZh: "旧", severity: "INFO", link: "/" }),
        firstAt: new Date(from.getTime() - 3_600_000),
      },
    });
    const { id: regId } = await as(compliance).reports.generate({ kind: "REGULATORY", period: "2026-11" });
    const { id } = await as(risk).reports.openIncident({
      title: "Feed outage 12-02",
      from,
      to: new Date(Date.now() + 1_000),
    });
    let r = await as(compliance).reports.get({ id });
    expect(r.status).toBe("DRAFT");
    // The window opened two on-call incidents: one acknowledged after 4.5 minutes, one that escalated.
    const paged = table(r.document.sections, "paged");
    expect(paged.rows.map((row) => row.slice(1))).toEqual([
      ["Hard floor: MD-1 / 触及强平线：MD-1", "CRITICAL", "ACKNOWLEDGED", "1", "0", risk.email, "4.5 min"],
      ["Market feed failed over to secondary", "WARNING", "OPEN", "2", "1", "-", "-"],
    ]);
    expect(paged.links).toEqual(["/accounts/acc1", "/market/feeds"]);
    const timeline = table(r.document.sections, "timeline");
    expect(timeline.rows.some((row) => row[3] === "report.generated")).toBe(true);
    expect(timeline.rows.some((row) => row[4] === `Report:${regId}`)).toBe(true);
    // Nothing to sign before it is written.
    await expect(as(manager).reports.signOff({ id, version: r.version, note: "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const writeUp = {
      summary: "主行情源中断 4 分钟",
      impact: "No liquidation affected",
      rootCause: "Vendor outage",
      actions: "Failover drill monthly",
    };
    const { version } = await as(compliance).reports.saveWriteUp({ id, version: r.version, writeUp });
    await expect(as(risk).reports.saveWriteUp({ id, version: r.version, writeUp })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(as(risk).reports.signOff({ id, version, note: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(manager).reports.signOff({ id, version: version - 1, note: "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Two managers at once: one signs.
    const both = await Promise.allSettled([
      as(manager).reports.signOff({ id, version, note: "Reviewed" }),
      as(manager2).reports.signOff({ id, version, note: "Reviewed too" }),
    ]);
    expect(both.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    r = await as(auditor).reports.get({ id });
    expect(r.status).toBe("SIGNED_OFF");
    expect(r.writeUp?.summary).toBe("主行情源中断 4 分钟");
    expect(r.document.sections.find((x) => x.id === "summary")).toMatchObject({
      kind: "text",
      body: "主行情源中断 4 分钟",
    });
    await expect(as(compliance).reports.saveWriteUp({ id, version: r.version, writeUp })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { targetId: id } })).map((a) => a.action);
    expect(actions).toEqual(["report.incidentOpened", "report.incidentWritten", "report.incidentSignedOff"]);
  });

  it("refuses bad incident windows and inputs", async () => {
    const now = Date.now();
    await expect(
      as(risk).reports.openIncident({ title: "x", from: new Date(now - 1000), to: new Date(now) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(risk).reports.openIncident({ title: "Backwards", from: new Date(now), to: new Date(now - 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(risk).reports.openIncident({ title: "Too long", from: new Date(now - 8 * 86_400_000), to: new Date(now) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(risk).reports.openIncident({ title: "NUL\u0000", from: new Date(now - 1000), to: new Date(now) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(risk).reports.get({ id: "__proto__" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("notices when stored data no longer matches its hash", async () => {
    const { id } = await as(compliance).reports.generate({ kind: "REGULATORY", period: "2026-11" });
    await t.db.prisma.$executeRaw`UPDATE "Report" SET data = jsonb_set(data, '{book,debt}', '1') WHERE id = ${id}`;
    expect((await as(auditor).reports.get({ id })).dataIntact).toBe(false);
  });
});
