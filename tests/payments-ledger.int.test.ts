// P1/P2/P4 against PGlite and PostgreSQL: the demo seed (opening balances, pending withdrawals of
// every kind with their rule hits) keeps the ledger and Account.cash/debt in agreement; the
// reconciliation of the planted-breaks statement and its resolution workflow; the signed bank
// callback (good signature applied, bad one refused and audited); large-value reports and CSV.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { checkLedgerAgreement } from "@/server/ledger/ledger-service";
import { handleCallback, signCallback } from "@/server/payments/callback";
import { shanghaiDate } from "@/server/payments/channels";
import { seedPaymentsDemo } from "@/server/payments/demo-seed";
import { createDeposit } from "@/server/payments/settlement";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const SECRET = "k".repeat(40);

describe.each(BACKENDS)("payments ledger and demo on %s", (kind) => {
  let t: TestDatabase;
  let manager: TestUser, compliance: TestUser;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db.prisma, { seed: 3, symbols: 30, accounts: 150 });
    await seedPaymentsDemo(t.db.prisma, { seed: 3, now: Date.now() });
    manager = await createUser(t.db, "MANAGER");
    compliance = await createUser(t.db, "COMPLIANCE");
  }, 120_000);
  afterEach(async () => t.drop());

  it("seeds opening balances so the ledger and every account agree, and queues withdrawals of every kind", async () => {
    const check = await checkLedgerAgreement(t.db.prisma);
    expect(check).toMatchObject({ ok: true, unbalancedEntries: [], disagreeingAccounts: [] });
    expect(await t.db.prisma.journalEntry.count({ where: { kind: "OPENING" } })).toBe(150);
    const queue = await callerFor(t.db, manager).payments.queue({});
    const rules = new Set(queue.flatMap((w) => w.amlHits.map((h) => h.rule)));
    for (const r of [
      "KYC_SINGLE",
      "GEO_JUMP",
      "NEW_DEVICE",
      "STRUCTURING",
      "NEW_BENEFICIARY",
      "CHARGEBACK",
      "LARGE_VALUE",
    ])
      expect(rules, r).toContain(r);
    expect(queue.filter((w) => w.amlHits.length === 0).length).toBeGreaterThanOrEqual(5);
    expect(queue.filter((w) => w.requiredApprovals === 2)).toHaveLength(2);
    const geo = queue.find((w) => w.amlHits.some((h) => h.rule === "GEO_JUMP"));
    expect(geo?.amlHits.find((h) => h.rule === "GEO_JUMP")?.evidence).toMatchObject({ from: "Shanghai", to: "Urumqi" });
  });

  it("reconciles the planted-breaks statement and resolves the breaks with notes (audited)", async () => {
    const c = callerFor(t.db, manager);
    const date = shanghaiDate(Date.now());
    const csv = await c.payments.sampleStatement({ date });
    const run = await c.payments.importStatement({ fileName: "custody-statement.csv", csv, date });
    const detail = await c.payments.reconciliationRun({ id: run.id });
    const breaks = detail.items.filter((i) => i.kind !== "MATCHED");
    expect(breaks.map((b) => b.kind).sort()).toEqual([
      "AMOUNT_MISMATCH",
      "DUPLICATE",
      "MISSING_IN_LEDGER",
      "MISSING_IN_STATEMENT",
    ]);
    expect(detail.matched).toBeGreaterThan(10);
    const first = breaks[0];
    if (!first) throw new Error("no break");
    await c.payments.assignBreak({ itemId: first.id, assigneeId: manager.id });
    await expect(c.payments.resolveBreak({ itemId: first.id, note: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await c.payments.resolveBreak({ itemId: first.id, note: "Bank confirmed a booking error" })).status).toBe(
      "RESOLVED",
    );
    await expect(c.payments.resolveBreak({ itemId: first.id, note: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { targetId: first.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["reconciliation.assigned", "reconciliation.resolved"]);
    await expect(
      callerFor(t.db, compliance).payments.importStatement({ fileName: "x.csv", csv }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.payments.importStatement({ fileName: "x.csv", csv: "nonsense" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/header/),
    });
  });

  it("applies a correctly signed bank callback and refuses (and audits) a bad signature", async () => {
    const account = await t.db.prisma.account.findFirstOrThrow({ orderBy: { code: "asc" } });
    const received = JSON.stringify({
      kind: "deposit",
      reference: "BANK-CB-TEST-1",
      outcome: "RECEIVED",
      accountCode: account.code,
      amount: 600000,
      channel: "BANK_TRANSFER",
      payerName: "张三",
    });
    await expect(
      handleCallback(t.db.prisma, received, signCallback(received, "w".repeat(40)), SECRET, "1.2.3.4"),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(handleCallback(t.db.prisma, received, null, SECRET, null)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await t.db.prisma.deposit.count({ where: { reference: "BANK-CB-TEST-1" } })).toBe(0);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "payments.callbackRejected" } })).toBe(2);
    expect(await handleCallback(t.db.prisma, received, signCallback(received, SECRET), SECRET, null)).toMatchObject({
      ok: true,
      status: "PENDING",
    });
    const confirmed = JSON.stringify({ kind: "deposit", reference: "BANK-CB-TEST-1", outcome: "CONFIRMED" });
    expect(await handleCallback(t.db.prisma, confirmed, signCallback(confirmed, SECRET), SECRET, null)).toMatchObject({
      status: "CONFIRMED",
    });
    const after = await t.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.cash.minus(account.cash).toFixed(2)).toBe("600000.00");
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
    // 600,000 domestic >= 500,000: a large-value report, visible to compliance and in the CSV.
    const reports = await callerFor(t.db, compliance).payments.largeValue({});
    expect(reports.some((r) => r.refType === "Deposit" && r.amount === 600000 && r.category === "DOMESTIC")).toBe(true);
    const csv = await callerFor(t.db, compliance).payments.largeValueCsv();
    expect(csv.startsWith("\uFEFF")).toBe(true); // Excel reads the Chinese client names as UTF-8
    expect(csv.slice(1).split("\n")[0]).toBe(
      "created_at_utc,category,threshold_cny,amount_cny,type,reference,account,client",
    );
    expect(csv).toContain(",DOMESTIC,500000.00,600000.00,Deposit,");
    await expect(callerFor(t.db, manager).payments.largeValue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("treats the bank reference as the deposit's idempotency key", async () => {
    const account = await t.db.prisma.account.findFirstOrThrow();
    const a = await createDeposit(t.db.prisma, {
      accountId: account.id,
      amount: 10,
      channel: "ACH",
      reference: "DUP-1",
      payerName: "x",
    });
    const b = await createDeposit(t.db.prisma, {
      accountId: account.id,
      amount: 10,
      channel: "ACH",
      reference: "DUP-1",
      payerName: "x",
    });
    expect(b.id).toBe(a.id);
  });
});
