// The risk engine against a real database (PGlite and PostgreSQL): a parameter change needs a
// second person with a fresh TOTP step-up and takes effect at the next tick, not before (R2);
// ticks persist status changes and margin calls (R3, R4); replaying a recorded minute reproduces
// its decisions (A2); the read procedures and the evaluate service answer from the same model.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { generateTotpCode } from "@/server/auth/totp";
import { createInProcessBus } from "@/server/engine/event-bus";
import { RiskEngine, RISK_TICK_TOPIC, type RiskTickEvent } from "@/server/risk/engine/risk-engine";
import { NO_SYMBOL_OVERRIDES } from "@/server/risk/live-book";
import { evaluateRisk } from "@/server/risk/evaluate-service";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { ensureDefaultParams, proposeParams } from "@/server/risk/params/param-service";
import { explainAccountAt, replayTickStatuses } from "@/server/risk/replay/replay-service";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const SYM = "600000.SH";

describe.each(BACKENDS)("risk engine on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser;
  let manager: TestUser;
  let engine: RiskEngine;
  const bus = createInProcessBus();
  const events: RiskTickEvent[] = [];
  bus.subscribe<RiskTickEvent>(RISK_TICK_TOPIC, (e) => events.push(e.data));

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    const p = t.db.prisma;
    await p.symbol.createMany({
      data: [
        {
          code: SYM,
          name: "浦发银行",
          sector: "Banks",
          board: "MAIN",
          assetClass: "MAIN_BOARD",
          liquidityTier: "T1",
          beta: 1,
          prevClose: 10,
          avgDailyValue: 1e9,
        },
        {
          code: "300750.SZ",
          name: "宁德时代",
          sector: "Batteries",
          board: "CHINEXT",
          assetClass: "GROWTH",
          liquidityTier: "T1",
          beta: 1.2,
          prevClose: 40,
          avgDailyValue: 2e9,
        },
      ],
    });
    // A: 1,000 x 10, debt 8,000 -> E 2,000, MM 1,200, ML 1.667. C: debt 9,600 -> E 400, ML 0.333 (hard floor).
    for (const [id, debt] of [
      ["acc-a", "8000"],
      ["acc-b", "0"],
      ["acc-c", "9600"],
    ] as const) {
      await p.account.create({ data: { id, code: id.toUpperCase(), clientName: `客户${id}`, cash: "0", debt } });
      await p.position.create({ data: { accountId: id, symbolCode: SYM, qty: 1000, avgCost: "10" } });
    }
    await ensureDefaultParams(p);
    risk = await createUser(t.db, "RISK");
    manager = await createUser(t.db, "MANAGER");
    // A calm, fixed volatility (the market service's, when present, wins over the engine's own EWMA).
    engine = new RiskEngine({
      prisma: p,
      sql: t.db.sql,
      volatility: { sigma: () => 0.001 },
      overrides: NO_SYMBOL_OVERRIDES,
      bus,
    });
    await engine.load();
    events.length = 0;
  });
  afterEach(async () => t.drop());

  const bar = (close: number) => [{ symbol: SYM, close }];

  it("a parameter change needs a second person with TOTP and takes effect at the next tick, not before", async () => {
    await engine.tick(T0, bar(10));
    expect(engine.snapshot("acc-a")).toMatchObject({ status: "HEALTHY", parameterVersion: 1 });
    expect(engine.snapshot("acc-c")?.status).toBe("HARD_FLOOR");

    const proposal = {
      params: { ...DEFAULT_RISK_PARAMS, base: { ...DEFAULT_RISK_PARAMS.base, MAIN_BOARD: 0.16 } },
      reason: "Banks sector stress: raise the main-board base rate",
    };
    const proposed = await callerFor(t.db, risk).risk.proposeParams(proposal);
    expect(proposed.diff).toEqual([{ path: "base.MAIN_BOARD", from: 0.12, to: 0.16 }]);
    // The proposer's role may not decide, a manager without a fresh step-up may not either.
    await expect(callerFor(t.db, risk).risk.decideParams({ version: 2, approve: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const mgr = callerFor(t.db, manager);
    await expect(mgr.risk.decideParams({ version: 2, approve: true })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(mgr.risk.decideParams({ version: 2, approve: true, totpCode: "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await mgr.risk.decideParams({
      version: 2,
      approve: true,
      totpCode: generateTotpCode(manager.totpSecret ?? "", Date.now()),
      note: "ok",
    });

    // Approved, but not before the next bar close.
    const versions = await mgr.risk.params();
    expect(versions.find((v) => v.version === 2)?.status).toBe("APPROVED");
    expect(versions.find((v) => v.version === 1)?.status).toBe("ACTIVE");
    expect(engine.snapshot("acc-a")).toMatchObject({ status: "HEALTHY", parameterVersion: 1 });

    await engine.tick(T0 + 60_000, bar(10));
    // MM = 10,000 x 0.16 = 1,600; ML = 2,000 / 1,600 = 1.25 -> WARNING under version 2.
    const a = engine.snapshot("acc-a");
    expect(a).toMatchObject({ status: "WARNING", parameterVersion: 2 });
    expect(a?.marginLevel).toBeCloseTo(1.25, 12);
    const after = await mgr.risk.params();
    expect(after.find((v) => v.version === 2)).toMatchObject({
      status: "ACTIVE",
      effectiveMinute: new Date(T0 + 60_000),
    });
    expect(after.find((v) => v.version === 1)?.status).toBe("SUPERSEDED");
    const decisions = await t.db.prisma.riskDecision.findMany({ where: { accountId: "acc-a" } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ fromStatus: "HEALTHY", toStatus: "WARNING", paramVersion: 2 });
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { action: { startsWith: "riskParams." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "riskParams.defaultCreated",
      "riskParams.proposed",
      "riskParams.approved",
      "riskParams.activated",
    ]);
  });

  it("the same manager who proposed cannot approve (maker-checker)", async () => {
    const params = { ...DEFAULT_RISK_PARAMS, imMultiplier: 2 };
    await proposeParams(t.db.prisma, manager, { params, reason: "Test maker-checker" });
    const code = generateTotpCode(manager.totpSecret ?? "", Date.now());
    await expect(
      callerFor(t.db, manager).risk.decideParams({ version: 2, approve: true, totpCode: code }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opens, escalates and closes margin calls; replay of each recorded minute reproduces its decisions", async () => {
    await engine.tick(T0, bar(10));
    let calls = await t.db.prisma.marginCall.findMany();
    expect(calls.map((c) => [c.accountId, c.status, c.openStatus])).toEqual([["acc-c", "OPEN", "HARD_FLOOR"]]);
    // 9.0: A E 1,000 / MM 1,080 = 0.93 (LIQUIDATION).
    await engine.tick(T0 + 60_000, bar(9));
    // 12: A E 4,000 / 1,440 = 2.78 (HEALTHY, call closed); C E 2,400 / 1,440 = 1.67 (HEALTHY, closed).
    await engine.tick(T0 + 120_000, bar(12));
    calls = await t.db.prisma.marginCall.findMany({ orderBy: { accountId: "asc" } });
    expect(calls.map((c) => [c.accountId, c.status, c.worstStatus])).toEqual([
      ["acc-a", "CLOSED", "LIQUIDATION"],
      ["acc-c", "CLOSED", "HARD_FLOOR"],
    ]);
    expect(events.map((e) => e.counts)).toEqual([
      { HEALTHY: 2, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 1 },
      { HEALTHY: 1, WARNING: 0, LIQUIDATION: 1, HARD_FLOOR: 1 },
      { HEALTHY: 3, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 0 },
    ]);
    // A2: recompute each minute from its recorded inputs; the decisions are exactly the changes.
    let previous = new Map<string, string>([
      ["acc-a", "HEALTHY"],
      ["acc-b", "HEALTHY"],
      ["acc-c", "HEALTHY"],
    ]);
    for (const minute of [T0, T0 + 60_000, T0 + 120_000]) {
      const replayed = await replayTickStatuses(t.db.prisma, minute);
      const recorded = await t.db.prisma.riskDecision.findMany({
        where: { minuteTs: new Date(minute) },
        orderBy: { accountId: "asc" },
      });
      const expected = [...replayed.entries()]
        .filter(([id, s]) => previous.get(id) !== s)
        .map(([id, s]) => [id, previous.get(id), s]);
      expect(recorded.map((d) => [d.accountId, d.fromStatus, d.toStatus])).toEqual(expected.sort());
      previous = replayed;
    }
    // A1: the tick's audit events (figures such as ML 400 / 1,200 = 0.333...) verify after the jsonb round trip.
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it("escalates an unmet margin call at its deadline", async () => {
    await engine.tick(T0, bar(10));
    const deadline = (await t.db.prisma.marginCall.findFirstOrThrow()).deadline.getTime();
    await engine.tick(deadline - 60_000, bar(10));
    expect((await t.db.prisma.marginCall.findFirstOrThrow()).status).toBe("ESCALATED");
  });

  it("flags accounts with an open case, a freeze or a buy restriction, and filters on them", async () => {
    await engine.tick(T0, bar(10));
    const slaDueAt = new Date(T0 + 86_400_000);
    await t.db.prisma.surveillanceCase.create({
      data: { id: "case-a", accountId: "acc-a", priority: 87, rules: ["WASH_TRADE"], slaDueAt },
    });
    // A closed case is no flag.
    await t.db.prisma.surveillanceCase.create({
      data: { accountId: "acc-b", status: "CLOSED", disposition: "NO_ACTION", priority: 10, rules: [], slaDueAt },
    });
    await t.db.prisma.accountRestriction.create({
      data: { accountId: "acc-c", frozen: true, restrictBuys: true, reason: "test", byId: risk.id },
    });
    const caller = callerFor(t.db, risk, { services: { liveRisk: () => Promise.resolve(engine) } });
    const all = await caller.accounts.list({ sort: "code", limit: 100 });
    expect(Object.fromEntries(all.items.map((i) => [i.code, i.flags]))).toEqual({
      "ACC-A": {
        case: { id: "case-a", status: "OPEN", priority: 87, rules: ["WASH_TRADE"] },
        restrictBuys: false,
        frozen: false,
      },
      "ACC-B": null,
      "ACC-C": { case: null, restrictBuys: true, frozen: true },
    });
    const flagged = await caller.accounts.list({ flagged: true, sort: "code", limit: 1 });
    expect(flagged.total).toBe(2);
    expect(flagged.items.map((i) => i.code)).toEqual(["ACC-A"]);
    const next = await caller.accounts.list({
      flagged: true,
      sort: "code",
      limit: 1,
      cursor: flagged.nextCursor ?? "",
    });
    expect(next.items.map((i) => i.code)).toEqual(["ACC-C"]);
    expect(next.nextCursor).toBeNull();
  });

  it("serves the live list, the account's why and the evaluate model", async () => {
    await engine.tick(T0, bar(10));
    const caller = callerFor(t.db, risk, { services: { liveRisk: () => Promise.resolve(engine) } });
    const list = await caller.accounts.list({ status: "HARD_FLOOR", limit: 100 });
    expect(list.items.map((i) => i.code)).toEqual(["ACC-C"]);
    expect(list.items[0]?.marginLevel).toBeCloseTo(400 / 1200, 12);
    const sorted = await caller.accounts.list({ sort: "marginLevel", dir: "asc", limit: 100 });
    expect(sorted.items.map((i) => i.code)).toEqual(["ACC-C", "ACC-A", "ACC-B"]);
    const why = await caller.accounts.why({ id: "acc-c" });
    expect(why).toMatchObject({ paramVersion: 1, result: { status: "HARD_FLOOR", equity: 400 } });
    expect(why?.result.positions[0]?.m).toBe(0.12);
    const detail = await caller.accounts.risk({ id: "acc-c" });
    expect(detail.result.status).toBe("HARD_FLOOR");
    const heat = await caller.risk.heatmap();
    expect(heat?.sectors.map((s) => s.sector)).toEqual(["Banks"]);
    // ACC-C at 400 / 1200 = 0.33 sits below the hard floor (0.5); the sector counts all three accounts.
    expect(heat?.sectors[0]?.accounts).toBe(3);
    expect(heat?.sectors[0]?.cells.find((c) => c.band === "HARD_FLOOR")?.count).toBe(1);
    const cell = await caller.risk.heatmapCell({ sector: "Banks", band: "HARD_FLOOR" });
    expect(cell.total).toBe(1);
    expect(cell.accounts.map((a) => a.code)).toEqual(["ACC-C"]);
    expect((await caller.risk.heatmapCell({ sector: "Nowhere", band: "HARD_FLOOR" })).total).toBe(0);
    expect(heat?.symbols[0]).toMatchObject({ code: SYM, holders: 3 });
    await expect(
      evaluateRisk(t.db.prisma, {
        cash: 0,
        debt: 0,
        positions: [{ symbol: "X", qty: 1, price: 1, assetClass: "BOND", liquidityTier: "T1", sigma: 0, adv: 1 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/unknown asset class "BOND"/) });
    await expect(caller.risk.escalateMarginCall({ id: "nope", note: "client unreachable" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  /** Market value of acc-a recomputed from the prices the engine shows next to its figures. */
  function consistency(e: RiskEngine) {
    const live = e.liveFigures();
    const a = live?.book.accountIndex.get("acc-a") ?? -1;
    const sym = live?.book.symbolIndex.get(SYM) ?? -1;
    const k = live?.book.posStart[a] ?? -1;
    return {
      mv: live?.figures.marketValue[a],
      fromPrices: (live?.book.posQty[k] ?? NaN) * (live?.prices[sym] ?? NaN),
      minuteTs: live?.minuteTs,
    };
  }

  it("readers never see a tick's new prices beside the old figures, and a failed persist leaves the last committed state", async () => {
    // Readers are sampled in the middle of the tick: when it asks for volatility (prices of the new
    // minute already known, figures not yet computed, transaction not yet run).
    const samples: Array<ReturnType<typeof consistency>> = [];
    const sampling: RiskEngine = new RiskEngine({
      prisma: t.db.prisma,
      sql: t.db.sql,
      bus,
      volatility: { sigma: () => (samples.push(consistency(sampling)), 0.001) },
      overrides: NO_SYMBOL_OVERRIDES,
    });
    await sampling.load();
    engine = sampling;
    await engine.tick(T0, bar(10));
    samples.length = 0;
    await engine.tick(T0 + 60_000, bar(9));
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) expect(s).toMatchObject({ mv: 10_000, fromPrices: 10_000, minuteTs: T0 });
    expect(consistency(engine)).toMatchObject({ mv: 9000, fromPrices: 9000, minuteTs: T0 + 60_000 });

    // A deposit lands, then the next tick's transaction fails (the database refuses its RiskTick row).
    await t.db.prisma.account.update({ where: { id: "acc-a" }, data: { cash: "500" } });
    await t.db.sql
      .exec(`CREATE FUNCTION refuse_tick() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_tick BEFORE INSERT ON "RiskTick" FOR EACH ROW EXECUTE FUNCTION refuse_tick();`);
    await expect(engine.tick(T0 + 120_000, bar(8))).rejects.toThrow(/refused for the test/);
    await t.db.sql.exec(`DROP TRIGGER refuse_tick ON "RiskTick"`);
    expect(consistency(engine)).toMatchObject({ mv: 9000, fromPrices: 9000, minuteTs: T0 + 60_000 });
    expect(engine.accountInput("acc-a")).toMatchObject({ cash: 0, positions: [{ price: 9 }] });
    expect(engine.snapshot("acc-a")).toMatchObject({ marketValue: 9000, equity: 1000 });
    expect(engine.lastTick()?.minuteTs).toBe(T0 + 60_000);
    // The next minute commits and takes both the deposit and its own price.
    await engine.tick(T0 + 180_000, bar(8));
    expect(engine.snapshot("acc-a")).toMatchObject({ marketValue: 8000, equity: 500 });
  });

  it("reloads the book when its version moves, including a move that keeps count, total quantity and holders equal", async () => {
    await engine.tick(T0, bar(10));
    const before = engine.liveFigures()?.book;
    await engine.tick(T0 + 60_000, bar(10));
    expect(engine.liveFigures()?.book).toBe(before); // nothing changed: no reload
    const version = engine.bookVersion();
    // 100 shares move from A to B: 3 positions, 3,000 shares, 3 holders before and after.
    await t.db.prisma.$transaction([
      t.db.prisma.position.updateMany({ where: { accountId: "acc-a" }, data: { qty: 900 } }),
      t.db.prisma.position.updateMany({ where: { accountId: "acc-b" }, data: { qty: 1100 } }),
    ]);
    await engine.tick(T0 + 120_000, bar(10));
    expect(engine.snapshot("acc-a")).toMatchObject({ marketValue: 9000, equity: 1000 });
    expect(engine.snapshot("acc-b")).toMatchObject({ marketValue: 11_000, equity: 11_000 });
    expect(engine.bookVersion()).toBeGreaterThan(version);
    // The rows read were consumed; a deposit (cash only) is the next version.
    expect(await t.db.prisma.bookChange.count()).toBe(0);
    await t.db.prisma.account.update({ where: { id: "acc-b" }, data: { cash: "100" } });
    await engine.tick(T0 + 180_000, bar(10));
    expect(engine.snapshot("acc-b")).toMatchObject({ equity: 11_100 });
  });

  it("stores a full book once and then only the accounts that changed; replay rebuilds each minute's book", async () => {
    await engine.tick(T0, bar(10));
    await t.db.prisma.account.update({ where: { id: "acc-b" }, data: { cash: "100" } });
    await engine.tick(T0 + 60_000, bar(10));
    await t.db.prisma.account.update({ where: { id: "acc-b" }, data: { cash: "250" } });
    await engine.tick(T0 + 120_000, bar(10));
    const rows = await t.db.prisma.riskBookSnapshot.findMany({ orderBy: { createdAt: "asc" } });
    const ticks = await t.db.prisma.riskTick.findMany({ orderBy: { minuteTs: "asc" } });
    const full = rows.filter((r) => r.baseDigest === null);
    expect(full.map((r) => r.digest)).toEqual([ticks[0]?.bookDigest]);
    // Each later minute: one delta row against the first book, holding only acc-b.
    const deltas = rows.filter((r) => r.baseDigest !== null);
    expect(deltas.map((r) => [r.baseDigest, r.accountIds, r.removedIds, r.symbols.length])).toEqual([
      [full[0]?.digest, "acc-b", "", 0],
      [full[0]?.digest, "acc-b", "", 0],
    ]);
    expect(deltas.map((r) => r.digest)).toEqual([ticks[1]?.bookDigest, ticks[2]?.bookDigest]);
    for (const [i, cash] of [0, 100, 250].entries()) {
      const b = await explainAccountAt(t.db.prisma, "acc-b", T0 + i * 60_000);
      expect(b?.input).toMatchObject({ cash, debt: 0, positions: [{ symbol: SYM, qty: 1000, price: 10 }] });
      const a = await explainAccountAt(t.db.prisma, "acc-a", T0 + i * 60_000);
      expect(a?.input).toMatchObject({ cash: 0, debt: 8000, positions: [{ symbol: SYM, qty: 1000 }] });
      expect((await replayTickStatuses(t.db.prisma, T0 + i * 60_000)).size).toBe(3);
    }
  });

  it("refreshBook shows fills committed outside the tick at once, and decides nothing until the next tick", async () => {
    await engine.tick(T0, bar(10));
    // A liquidation sells 500 of C's shares at 10 and repays debt: E 400 unchanged, MM 600 -> ML 0.667.
    await t.db.prisma.$transaction([
      t.db.prisma.position.updateMany({ where: { accountId: "acc-c" }, data: { qty: 500 } }),
      t.db.prisma.account.update({ where: { id: "acc-c" }, data: { debt: "4600" } }),
    ]);
    await engine.refreshBook();
    expect(engine.snapshot("acc-c")).toMatchObject({ marketValue: 5000, equity: 400, maintenanceMargin: 600 });
    expect(engine.snapshot("acc-c")?.marginLevel).toBeCloseTo(400 / 600, 12);
    expect(await t.db.prisma.riskDecision.count({ where: { accountId: "acc-c" } })).toBe(1); // the first tick's only
    expect(await t.db.prisma.bookChange.count()).toBe(0);
  });
});
