// The risk engine against a real database (PGlite and PostgreSQL): a parameter change needs a
// second person with a fresh TOTP step-up and takes effect at the next tick, not before (R2);
// ticks persist status changes and margin calls (R3, R4); replaying a recorded minute reproduces
// its decisions (A2); the read procedures and the evaluate service answer from the same model.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { generateTotpCode } from "@/server/auth/totp";
import { createInProcessBus } from "@/server/engine/event-bus";
import { RiskEngine, RISK_TICK_TOPIC, type RiskTickEvent } from "@/server/risk/engine/risk-engine";
import { evaluateRisk } from "@/server/risk/evaluate-service";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { ensureDefaultParams, proposeParams } from "@/server/risk/params/param-service";
import { replayTickStatuses } from "@/server/risk/replay/replay-service";
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
        { code: SYM, name: "浦发银行", sector: "Banks", board: "MAIN", assetClass: "MAIN_BOARD", liquidityTier: "T1", beta: 1, prevClose: 10, avgDailyValue: 1e9 },
        { code: "300750.SZ", name: "宁德时代", sector: "Batteries", board: "CHINEXT", assetClass: "GROWTH", liquidityTier: "T1", beta: 1.2, prevClose: 40, avgDailyValue: 2e9 },
      ],
    });
    // A: 1,000 x 10, debt 8,000 -> E 2,000, MM 1,200, ML 1.667. C: debt 9,600 -> E 400, ML 0.333 (hard floor).
    for (const [id, debt] of [["acc-a", "8000"], ["acc-b", "0"], ["acc-c", "9600"]] as const) {
      await p.account.create({ data: { id, code: id.toUpperCase(), clientName: `客户${id}`, cash: "0", debt } });
      await p.position.create({ data: { accountId: id, symbolCode: SYM, qty: 1000, avgCost: "10" } });
    }
    await ensureDefaultParams(p);
    risk = await createUser(t.db, "RISK");
    manager = await createUser(t.db, "MANAGER");
    // A calm, fixed volatility (the market service's, when present, wins over the engine's own EWMA).
    engine = new RiskEngine({ prisma: p, sql: t.db.sql, services: { volatility: { sigma: () => 0.001 } }, bus });
    await engine.load();
    events.length = 0;
  });
  afterEach(async () => t.drop());

  const bar = (close: number) => [{ symbol: SYM, close }];

  it("a parameter change needs a second person with TOTP and takes effect at the next tick, not before", async () => {
    await engine.tick(T0, bar(10));
    expect(engine.snapshot("acc-a")).toMatchObject({ status: "HEALTHY", parameterVersion: 1 });
    expect(engine.snapshot("acc-c")?.status).toBe("HARD_FLOOR");

    const proposal = { params: { ...DEFAULT_RISK_PARAMS, base: { ...DEFAULT_RISK_PARAMS.base, MAIN_BOARD: 0.16 } }, reason: "Banks sector stress: raise the main-board base rate" };
    const proposed = await callerFor(t.db, risk).risk.proposeParams(proposal);
    expect(proposed.diff).toEqual([{ path: "base.MAIN_BOARD", from: 0.12, to: 0.16 }]);
    // The proposer's role may not decide, a manager without a fresh step-up may not either.
    await expect(callerFor(t.db, risk).risk.decideParams({ version: 2, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mgr = callerFor(t.db, manager);
    await expect(mgr.risk.decideParams({ version: 2, approve: true })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(mgr.risk.decideParams({ version: 2, approve: true, totpCode: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await mgr.risk.decideParams({ version: 2, approve: true, totpCode: generateTotpCode(manager.totpSecret ?? "", Date.now()), note: "ok" });

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
    expect(after.find((v) => v.version === 2)).toMatchObject({ status: "ACTIVE", effectiveMinute: new Date(T0 + 60_000) });
    expect(after.find((v) => v.version === 1)?.status).toBe("SUPERSEDED");
    const decisions = await t.db.prisma.riskDecision.findMany({ where: { accountId: "acc-a" } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ fromStatus: "HEALTHY", toStatus: "WARNING", paramVersion: 2 });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: { startsWith: "riskParams." } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["riskParams.defaultCreated", "riskParams.proposed", "riskParams.approved", "riskParams.activated"]);
  });

  it("the same manager who proposed cannot approve (maker-checker)", async () => {
    const params = { ...DEFAULT_RISK_PARAMS, imMultiplier: 2 };
    await proposeParams(t.db.prisma, manager, { params, reason: "Test maker-checker" });
    const code = generateTotpCode(manager.totpSecret ?? "", Date.now());
    await expect(callerFor(t.db, manager).risk.decideParams({ version: 2, approve: true, totpCode: code })).rejects.toMatchObject({ code: "FORBIDDEN" });
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
    expect(calls.map((c) => [c.accountId, c.status, c.worstStatus])).toEqual([["acc-a", "CLOSED", "LIQUIDATION"], ["acc-c", "CLOSED", "HARD_FLOOR"]]);
    expect(events.map((e) => e.counts)).toEqual([
      { HEALTHY: 2, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 1 },
      { HEALTHY: 1, WARNING: 0, LIQUIDATION: 1, HARD_FLOOR: 1 },
      { HEALTHY: 3, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 0 },
    ]);
    // A2: recompute each minute from its recorded inputs; the decisions are exactly the changes.
    let previous = new Map<string, string>([["acc-a", "HEALTHY"], ["acc-b", "HEALTHY"], ["acc-c", "HEALTHY"]]);
    for (const minute of [T0, T0 + 60_000, T0 + 120_000]) {
      const replayed = await replayTickStatuses(t.db.prisma, minute);
      const recorded = await t.db.prisma.riskDecision.findMany({ where: { minuteTs: new Date(minute) }, orderBy: { accountId: "asc" } });
      const expected = [...replayed.entries()].filter(([id, s]) => previous.get(id) !== s).map(([id, s]) => [id, previous.get(id), s]);
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

  it("serves the live list, the account's why and the evaluate model", async () => {
    await engine.tick(T0, bar(10));
    const caller = callerFor(t.db, risk, { services: { riskEngine: engine } });
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
    expect(heat?.symbols[0]).toMatchObject({ code: SYM, holders: 3 });
    await expect(evaluateRisk(t.db.prisma, { cash: 0, debt: 0, positions: [{ symbol: "X", qty: 1, price: 1, assetClass: "BOND", liquidityTier: "T1", sigma: 0, adv: 1 }] }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/unknown asset class "BOND"/) });
    await expect(caller.risk.escalateMarginCall({ id: "nope", note: "client unreachable" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
