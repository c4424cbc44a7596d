// S1-S5 through the minute loop and the tRPC router on PGlite and PostgreSQL: hits become one case
// per account (updated, not duplicated, by later hits), the queue is sorted by priority then SLA,
// the lifecycle and its refusals, assignment and notes, restrict and freeze (audited; a frozen
// account's pending withdrawal is frozen at once and can neither be approved nor requested again;
// a freeze racing an approval never lets money out), the STR CSV, the graph, and retention.
import Decimal from "decimal.js";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { openingEntry } from "@/server/ledger/ledger-math";
import { postEntryTx } from "@/server/ledger/ledger-service";
import type { OrderEvent } from "@/server/surveillance/rules/types";
import { SurveillanceMonitor } from "@/server/surveillance/surveillance-monitor";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 11, 1, 1, 30);

describe.each(BACKENDS)("surveillance cases on %s", (kind) => {
  let t: TestDatabase;
  let compliance: TestUser, compliance2: TestUser, risk: TestUser, m1: TestUser, m2: TestUser, auditor: TestUser;
  let seq = 0;
  const key = () => `k-${seq++}-${Date.now()}`;

  async function openAccount(code: string, cash = "3000000.00") {
    const a = await t.db.prisma.account.create({
      data: { code, clientName: '=HYPERLINK("x")', kycLevel: 3, cash: "0", debt: "0" },
    });
    await t.db.prisma.$transaction((tx) => postEntryTx(tx, openingEntry(a.id, new Decimal(cash), new Decimal("0"))));
    await t.db.prisma.beneficiary.create({
      data: {
        accountId: a.id,
        name: "客户",
        bankAcct: "6222000011112222",
        addedAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
    return a.id;
  }
  const trade = (ts: number, buyer: string, seller: string, qty = 5000): OrderEvent[] => [
    {
      ts,
      account: buyer,
      symbol: "600000",
      type: "TRADE",
      side: "BUY",
      orderId: `b${ts}`,
      price: 10,
      qty,
      counterparty: seller,
    },
    {
      ts,
      account: seller,
      symbol: "600000",
      type: "TRADE",
      side: "SELL",
      orderId: `s${ts}`,
      price: 10,
      qty,
      counterparty: buyer,
    },
  ];
  const burst = (account: string, ts: number, n: number, cancels = true): OrderEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      ts: ts + i,
      account,
      symbol: "600001",
      type: cancels && i % 2 ? ("CANCEL" as const) : ("NEW" as const),
      side: "BUY" as const,
      orderId: `${account}-${ts}-${i >> 1}`,
      price: 10,
      qty: 100,
    }));

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    [compliance, compliance2, risk, m1, m2, auditor] = [
      await createUser(t.db, "COMPLIANCE"),
      await createUser(t.db, "COMPLIANCE"),
      await createUser(t.db, "RISK"),
      await createUser(t.db, "MANAGER"),
      await createUser(t.db, "MANAGER"),
      await createUser(t.db, "AUDITOR"),
    ];
  });
  afterEach(async () => t.drop());

  async function plantedBook() {
    const w1 = await openAccount("W1");
    const w2 = await openAccount("W2");
    const hf = await openAccount("HF");
    await t.db.prisma.accountAttribute.createMany({
      data: [
        { accountId: w1, kind: "DEVICE", value: "dev-shared" },
        { accountId: w2, kind: "DEVICE", value: "dev-shared" },
      ],
    });
    const monitor = new SurveillanceMonitor(t.db.prisma, { seed: 1, generate: false });
    await monitor.init();
    return { w1, w2, hf, monitor };
  }

  it("hits become one case per account, updated by later hits; the queue is by priority then SLA", async () => {
    const { w1, w2, hf, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], [...trade(T0 + 1000, w1, w2), ...burst(hf, T0 + 5000, 300, false)]);
    await monitor.runMinute(T0 + 60_000, [], trade(T0 + 61_000, w2, w1));
    expect(await t.db.prisma.surveillanceCase.count()).toBe(3);
    const c = callerFor(t.db, compliance);
    const queue = await c.surveillance.cases();
    // WASH_TRADE weighs 70 (SLA 4 h), HIGH_FREQUENCY_SECOND 65 (SLA 24 h: under 70).
    expect(
      queue
        .map((q) => [q.accountCode, q.priority])
        .slice(0, 2)
        .sort(),
    ).toEqual([
      ["W1", 70],
      ["W2", 70],
    ]);
    expect([queue[2]!.accountCode, queue[2]!.priority]).toEqual(["HF", 65]);
    expect(queue[0]!.slaDueAt.getTime()).toBe(T0 + 60_000 + 4 * 3_600_000);
    expect(queue[2]!.slaDueAt.getTime()).toBe(T0 + 60_000 + 24 * 3_600_000);
    const detail = await c.surveillance.case({ id: queue.find((q) => q.accountCode === "W1")!.id });
    expect(detail.hits.map((h) => [h.rule, h.count])).toEqual([["WASH_TRADE", 2]]);
    expect(detail.events.map((e) => e.kind)).toEqual(["CREATED", "HIT"]);
    expect((detail.hits[0]!.evidence as { orders: string[] }).orders).toHaveLength(4);
    // AUDITOR reads; RISK may not.
    expect(await callerFor(t.db, auditor).surveillance.cases()).toHaveLength(3);
    await expect(callerFor(t.db, risk).surveillance.cases()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const graph = await c.surveillance.graph({ accountId: w1 });
    expect(graph.nodes.map((n) => n.code).sort()).toEqual(["W1", "W2"]);
    expect(graph.edges).toEqual([
      { a: [w1, w2].sort()[0], b: [w1, w2].sort()[1], kind: "DEVICE", value: "dev-shared" },
    ]);
  });

  it("lifecycle OPEN -> INVESTIGATING -> ESCALATED -> CLOSED with a disposition; refusals; assignment and notes", async () => {
    const { w1, w2, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], trade(T0 + 1000, w1, w2));
    const c = callerFor(t.db, compliance);
    const [first] = await c.surveillance.cases();
    const id = first!.id;
    await expect(c.surveillance.move({ id, to: "CLOSED" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await c.surveillance.assign({ id, assigneeId: compliance2.id });
    await expect(c.surveillance.assign({ id, assigneeId: risk.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await c.surveillance.move({ id, to: "INVESTIGATING" });
    await c.surveillance.note({ id, text: "Same device fingerprint since March." });
    await c.surveillance.move({ id, to: "ESCALATED" });
    await expect(c.surveillance.move({ id, to: "OPEN" })).rejects.toMatchObject({ code: "CONFLICT" });
    await c.surveillance.move({ id, to: "CLOSED", disposition: "WARNING" });
    await expect(callerFor(t.db, auditor).surveillance.move({ id, to: "INVESTIGATING" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const d = await c.surveillance.case({ id });
    expect([d.status, d.disposition]).toEqual(["CLOSED", "WARNING"]);
    expect(d.events.map((e) => e.kind)).toEqual(["CREATED", "HIT", "ASSIGN", "STATUS", "NOTE", "STATUS", "STATUS"]);
    // A stale version is refused.
    await expect(c.surveillance.move({ id, to: "INVESTIGATING", version: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // New evidence of another rule reopens the closed case.
    await monitor.runMinute(T0 + 60_000, [], burst(w1, T0 + 65_000, 300));
    expect((await c.surveillance.case({ id })).status).toBe("INVESTIGATING");
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { targetId: id } })).map((e) => e.action);
    expect(actions).toEqual(["case.assign", "case.move", "case.note", "case.move", "case.move"]);
  });

  it("the client's appeal reopens a closed case with a fresh SLA; assignees are the active compliance officers", async () => {
    const { w1, w2, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], trade(T0 + 1000, w1, w2));
    const c = callerFor(t.db, compliance);
    const [first] = await c.surveillance.cases();
    const id = first!.id;
    const officers = await c.surveillance.assignees();
    expect(officers.map((u) => u.id).sort()).toEqual([compliance.id, compliance2.id].sort());
    await expect(callerFor(t.db, risk).surveillance.assignees()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await c.surveillance.move({ id, to: "CLOSED", disposition: "RESTRICTED" });
    await expect(c.surveillance.appeal({ id, statement: "  ", channel: "PHONE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const before = Date.now();
    const res = await c.surveillance.appeal({
      id,
      statement: "The two accounts are my wife's and mine; we never traded with each other on purpose.",
      channel: "LETTER",
    });
    expect(res.reopened).toBe(true);
    const d = await c.surveillance.case({ id });
    expect(d.status).toBe("INVESTIGATING");
    // The priority's SLA counts again from the appeal.
    const hours = (d.slaDueAt.getTime() - before) / 3_600_000;
    expect([4, 24, 72].some((h) => Math.abs(hours - h) < 0.01)).toBe(true);
    const last = d.events.at(-1);
    expect(last).toMatchObject({ kind: "APPEAL", detail: { channel: "LETTER", reopened: true } });
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { action: "case.appeal", targetId: id } });
    expect(audit).toMatchObject({
      before: { status: "CLOSED" },
      after: { status: "INVESTIGATING", channel: "LETTER" },
    });
    await expect(
      callerFor(t.db, auditor).surveillance.appeal({ id, statement: "x".repeat(10), channel: "PHONE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("freeze takes effect at once in payments, shows on the account, is audited; restrict stops new buys", async () => {
    const { w1, w2, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], trade(T0 + 1000, w1, w2));
    const request = (k = key()) =>
      callerFor(t.db, risk).payments.request({
        accountId: w1,
        amount: 100_000,
        channel: "BANK_TRANSFER",
        beneficiaryName: "客户",
        beneficiaryAcct: "6222000011112222",
        idempotencyKey: k,
      });
    const w = await request();
    expect(w.status).toBe("PENDING_APPROVAL");
    const c = callerFor(t.db, compliance);
    const caseId = (await t.db.prisma.surveillanceCase.findUniqueOrThrow({ where: { accountId: w1 } })).id;
    await expect(c.surveillance.freeze({ accountId: w1, caseId, reason: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerFor(t.db, auditor).surveillance.freeze({ accountId: w1, reason: "wash trading" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const out = await c.surveillance.freeze({ accountId: w1, caseId, reason: "wash trading with a linked account" });
    expect(out.frozenWithdrawals).toEqual([w.id]);
    expect((await t.db.prisma.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("FROZEN");
    // The account page shows it (any account viewer).
    expect(await callerFor(t.db, risk).surveillance.accountControls({ accountId: w1 })).toMatchObject({
      frozen: true,
      restrictBuys: false,
      case: { id: caseId },
    });
    // No new withdrawal, and an unfrozen withdrawal still cannot be approved while the account is frozen.
    await expect(request()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // Compliance lifts the withdrawal's own freeze (back to PENDING_APPROVAL): the account freeze still holds.
    expect((await c.payments.unfreeze({ id: w.id, note: "lift this one" })).status).toBe("PENDING_APPROVAL");
    await markStepUp(t.db, m1);
    await expect(callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { targetId: w1 }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["account.freeze"]);
    expect(audit[0]!.before).toEqual({ restrictBuys: false, frozen: false });
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: true });

    // Restrict shows on the account too (its effect on the flow: flow-generator.test.ts).
    await c.surveillance.restrict({ accountId: w2, reason: "price pushing" });
    expect(await callerFor(t.db, risk).surveillance.accountControls({ accountId: w2 })).toMatchObject({
      restrictBuys: true,
      frozen: false,
    });
    expect((await t.db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: w2 } })).action).toBe(
      "account.restrict",
    );
  });

  it("a freeze racing an approval never lets the money out", async () => {
    const { w1, w2, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], trade(T0 + 1000, w1, w2));
    const w = await callerFor(t.db, risk).payments.request({
      accountId: w1,
      amount: 100_000,
      channel: "BANK_TRANSFER",
      beneficiaryName: "客户",
      beneficiaryAcct: "6222000011112222",
      idempotencyKey: key(),
    });
    await markStepUp(t.db, m2);
    const results = await Promise.allSettled([
      callerFor(t.db, m2).payments.approve({ id: w.id, idempotencyKey: key() }),
      callerFor(t.db, compliance).surveillance.freeze({ accountId: w1, reason: "race" }),
    ]);
    expect(results[1]!.status).toBe("fulfilled");
    // Either the approval was refused, or it happened first and the freeze caught it before SENT.
    expect((await t.db.prisma.withdrawal.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("FROZEN");
  });

  it("STR export: CSV with BOM, one row per hit, formula-escaped client name, audited", async () => {
    const { w1, w2, monitor } = await plantedBook();
    await monitor.runMinute(T0, [], trade(T0 + 1000, w1, w2));
    const caseId = (await t.db.prisma.surveillanceCase.findUniqueOrThrow({ where: { accountId: w1 } })).id;
    const { filename, csv } = await callerFor(t.db, auditor).surveillance.exportStr({ id: caseId });
    expect(filename).toMatch(/^STR-\d{8}-.{8}\.csv$/);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subject_account: "W1",
      suspicion_type: "WASH_TRADE",
      occurrences: "1",
      linked_accounts: w2,
    });
    expect(rows[0]!.subject_name).toBe('\'=HYPERLINK("x")');
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { targetId: caseId } })).map((e) => e.action);
    expect(actions).toEqual(["case.strExport"]);
  });

  it("warm-up: 150 simulated minutes on 30 demo accounts find the planted actors in one pass", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await openAccount(`D${String(i).padStart(2, "0")}`));
    await t.db.prisma.accountAttribute.createMany({
      data: [
        { accountId: ids[0]!, kind: "DEVICE", value: "dev-w" },
        { accountId: ids[1]!, kind: "DEVICE", value: "dev-w" },
        { accountId: ids[5]!, kind: "RELATED", value: "family:Zhang" },
        { accountId: ids[6]!, kind: "RELATED", value: "family:Zhang" },
      ],
    });
    const monitor = new SurveillanceMonitor(t.db.prisma, { seed: 7, generate: true });
    await monitor.init();
    const symbols = Array.from({ length: 6 }, (_, i) => ({ symbol: `60000${i}`, price: 10 + i }));
    const stored = await monitor.warmUp(T0, 150, symbols);
    expect(await t.db.prisma.orderFlowEvent.count()).toBe(stored);
    const cases = await callerFor(t.db, compliance).surveillance.cases();
    const byCode = new Map(cases.map((c) => [c.accountCode, c.rules]));
    // Sorted by code, the cast is D00-D01 wash pair, D02 spoofer, D03 high frequency, D04 pusher, D05-D06 related.
    expect(byCode.get("D00")).toContain("WASH_TRADE");
    expect(byCode.get("D02")).toContain("SPOOFING");
    expect(byCode.get("D03")).toContain("HIGH_FREQUENCY_SECOND");
    expect(byCode.get("D03")).toContain("HIGH_FREQUENCY_DAY");
    expect(byCode.get("D04")).toContain("PRICE_PUSH");
    expect(byCode.get("D05")).toContain("RELATED_PARTY_TRADE");
  });

  it("retention deletes order flow older than the setting, nothing newer", async () => {
    const { w1, w2, monitor } = await plantedBook();
    const now = Date.UTC(2026, 11, 20);
    await monitor.runMinute(now - 8 * 86_400_000, [], trade(now - 8 * 86_400_000, w1, w2));
    await monitor.runMinute(now - 60_000, [], trade(now - 60_000, w1, w2));
    expect(await t.db.prisma.orderFlowEvent.count()).toBe(4);
    expect(await monitor.applyRetention(now)).toBe(2); // default 7 days
    await t.db.prisma.setting.create({ data: { key: "surveillance.retentionDays", value: "0.0001" } });
    expect(await monitor.applyRetention(now)).toBe(2);
    expect(await t.db.prisma.orderFlowEvent.count()).toBe(0);
  });
});
