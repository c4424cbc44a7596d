// The money path against PGlite and PostgreSQL: the margin check recomputed from current cash,
// debt and the latest marks (never the last tick's equity), the approver's figure, amounts with
// more than 2 decimals refused, and the database refusing an unbalanced entry or negative cash.
// Figures are worked by hand in the comments.
import Decimal from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openingEntry } from "@/server/ledger/ledger-math";
import { postEntryTx } from "@/server/ledger/ledger-service";
import { callbackSchema } from "@/server/payments/callback";
import { createDeposit, sendWithdrawal } from "@/server/payments/settlement";
import type { AccountRiskSnapshot } from "@/server/risk/ports";
import { type TestUser, callerFor, createUser, markStepUp } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("payments money path on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser, m1: TestUser;
  let accountId: string;
  let seq = 0;
  const key = () => `money-key-${Date.now()}-${seq++}`;
  const T0 = Date.UTC(2026, 10, 30, 2, 0);

  async function openAccount(cash: string, debt: string) {
    const a = await t.db.prisma.account.create({
      data: { code: `M${seq++}`, clientName: "测试客户", kycLevel: 3, cash: "0", debt: "0" },
    });
    await t.db.prisma.$transaction((tx) => postEntryTx(tx, openingEntry(a.id, new Decimal(cash), new Decimal(debt))));
    await t.db.prisma.beneficiary.create({
      data: {
        accountId: a.id,
        name: "测试客户",
        bankAcct: "6222000011112222",
        addedAt: new Date(Date.now() - 40 * 86_400_000),
      },
    });
    return a.id;
  }
  async function addBar(code: string, close: number, ts: number) {
    await t.db.prisma.bar1m.create({
      data: {
        symbolCode: code,
        ts: new Date(ts),
        open: close,
        high: close,
        low: close,
        close,
        volume: 100,
        turnover: close * 100,
        vwap: close,
        trades: 1,
        spreadBps: 1,
        bidDepth: 1,
        askDepth: 1,
        imbalance: 0,
      },
    });
  }
  // The risk tick saw 10,000 shares at 50.00: market value 500,000, initial margin 250,000 (rate 0.5).
  const tick = (): AccountRiskSnapshot => ({
    accountId,
    equity: 900_000,
    marketValue: 500_000,
    initialMargin: 250_000,
    maintenanceMargin: 150_000,
    marginLevel: 1.5,
    status: "HEALTHY",
    asOf: T0,
    parameterVersion: 1,
  });
  const services = () => ({ accountRisk: { snapshot: (id: string) => (id === accountId ? tick() : undefined) } });
  const request = (amount: number) =>
    callerFor(t.db, risk, { services: services() }).payments.request({
      accountId,
      amount,
      channel: "BANK_TRANSFER",
      beneficiaryName: "测试客户",
      beneficiaryAcct: "6222000011112222",
      idempotencyKey: key(),
    });
  const approve = (id: string) =>
    callerFor(t.db, m1, { services: services() }).payments.approve({ id, idempotencyKey: key() });

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    risk = await createUser(t.db, "RISK");
    m1 = await createUser(t.db, "MANAGER");
    await markStepUp(t.db, m1);
    await t.db.prisma.symbol.create({
      data: {
        code: "600001",
        name: "测试股份",
        sector: "Banks",
        board: "MAIN",
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        beta: 1,
        prevClose: 45,
        avgDailyValue: 1e8,
      },
    });
    // cash 1,000,000, debt 600,000, 10,000 shares at 50.00: equity 900,000.
    accountId = await openAccount("1000000.00", "600000.00");
    await t.db.prisma.position.create({ data: { accountId, symbolCode: "600001", qty: 10_000, avgCost: "48" } });
    await addBar("600001", 50, T0 - 60_000);
  });
  afterEach(async () => t.drop());

  it("a withdrawal sent after the tick is no longer counted as available: the check uses current cash", async () => {
    // W1 400,000: headroom 900,000 - 400,000 - 250,000 = 250,000.
    const w1 = await request(400_000);
    expect(w1.status).toBe("PENDING_APPROVAL");
    expect(w1.riskCheck).toMatchObject({
      source: "risk-engine",
      headroom: "250000.00",
      initialMargin: "250000.00",
      marketValue: "500000.00",
    });
    await approve(w1.id);
    await sendWithdrawal(t.db.prisma, w1.id);
    // Cash is now 600,000 and equity 500,000; the tick still says 900,000. W2 300,000 leaves
    // 500,000 - 300,000 - 250,000 = -50,000: refused. (The tick's equity would have allowed it.)
    const w2 = await request(300_000);
    expect(w2.status).toBe("REJECTED");
    expect(w2.rejectReason).toMatch(/initial margin requirement \(250000\.00 CNY\).*200000\.00 CNY/);
    // 250,000 leaves exactly 0 headroom: allowed, in decimals, without a tolerance.
    const w3 = await request(250_000);
    expect(w3.status).toBe("PENDING_APPROVAL");
    expect(w3.riskCheck).toMatchObject({ headroom: "0.00", cash: "600000.00", equity: "500000.00" });
    expect((await request(0.01)).status).toBe("REJECTED");
  });

  it("values positions at the latest one-minute close, with the tick's margin rate", async () => {
    // New close 40.00: market value 400,000, equity 1,000,000 - 600,000 + 400,000 = 800,000,
    // initial margin 0.5 x 400,000 = 200,000: at most 600,000 may leave.
    await addBar("600001", 40, T0);
    const refused = await request(600_000.01);
    expect(refused.status).toBe("REJECTED");
    const ok = await request(600_000);
    expect(ok.riskCheck).toMatchObject({
      marketValue: "400000.00",
      initialMargin: "200000.00",
      headroom: "0.00",
      marksAsOf: new Date(T0).toISOString(),
    });
  });

  it("without a risk snapshot the rate is 1 (IM = market value), marks still the latest close", async () => {
    // The risk engine has not valued this account (new, or no tick since it was funded).
    const caller = callerFor(t.db, risk, { services: { accountRisk: { snapshot: () => undefined } } });
    const req = (amount: number) =>
      caller.payments.request({
        accountId,
        amount,
        channel: "BANK_TRANSFER",
        beneficiaryName: "x",
        beneficiaryAcct: "6222000011112222",
        idempotencyKey: key(),
      });
    // equity 900,000 - IM 500,000: at most 400,000.
    expect((await req(400_000.01)).status).toBe("REJECTED");
    const ok = await req(400_000);
    expect(ok.riskCheck).toMatchObject({ source: "conservative", imRate: "1.000000", headroom: "0.00" });
  });

  it("the approver sees the figure the approval check uses; the approval keeps the value dates", async () => {
    const w = await request(100_000);
    const before = await callerFor(t.db, m1).payments.withdrawal({ id: w.id });
    const preview = await callerFor(t.db, m1, { services: services() }).payments.marginPreview({ id: w.id });
    // 900,000 - 100,000 - 250,000 = 550,000, at request, in the preview and at approval.
    expect(before.margin?.headroom).toBe(550_000);
    expect(preview).toMatchObject({ headroom: "550000.00", source: "risk-engine" });
    await approve(w.id);
    const after = await callerFor(t.db, m1).payments.withdrawal({ id: w.id });
    expect(after.margin).toMatchObject({ headroom: 550_000, source: "risk-engine" });
    expect(after.margin?.valueDate).toBe(before.margin?.valueDate);
    expect(after.margin?.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("an amount with more than 2 decimals is a BAD_REQUEST, never rounded, and nothing is created", async () => {
    await expect(request(0.005)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/2 decimals/),
    });
    await expect(request(100.005)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.prisma.withdrawal.count()).toBe(0);
    await expect(
      createDeposit(t.db.prisma, {
        accountId,
        amount: 0.005,
        channel: "BANK_TRANSFER",
        reference: "DEP-X",
        payerName: "x",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.prisma.deposit.count()).toBe(0);
    const body = {
      kind: "deposit",
      reference: "DEP-1",
      outcome: "RECEIVED",
      accountCode: "M0",
      amount: 0.005,
      channel: "SWIFT",
      payerName: "x",
    };
    expect(callbackSchema.safeParse(body).success).toBe(false);
    expect(callbackSchema.safeParse({ ...body, amount: 1000.5 }).success).toBe(true);
  });

  it("the database refuses an unbalanced journal entry at commit and negative client cash", async () => {
    const p = t.db.prisma;
    const unbalanced = `BEGIN;
      INSERT INTO "JournalEntry" (id, kind) VALUES ('je-bad', 'FEE');
      INSERT INTO "Posting" (id, "entryId", "ledgerAccount", amount) VALUES ('p1', 'je-bad', 'CUSTODY', 100.00);
      INSERT INTO "Posting" (id, "entryId", "ledgerAccount", amount) VALUES ('p2', 'je-bad', 'FUNDING', -99.99);
      COMMIT;`;
    await expect(t.db.sql.withSession((s) => s.exec(unbalanced))).rejects.toThrow(
      /unbalanced journal entry je-bad: 2 posting\(s\) summing to 0?\.01/,
    );
    await t.db.sql.withSession((s) => s.exec("ROLLBACK")).catch(() => undefined);
    expect(await p.journalEntry.count({ where: { id: "je-bad" } })).toBe(0);
    // Through Prisma the ledger service reports it inside the transaction.
    await expect(
      p.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "JournalEntry" (id, kind) VALUES ('je-bad2', 'FEE')`;
        await tx.$executeRaw`INSERT INTO "Posting" (id, "entryId", "ledgerAccount", amount) VALUES ('p5', 'je-bad2', 'CUSTODY', 5.00)`;
        await tx.$executeRaw`SET CONSTRAINTS ALL IMMEDIATE`;
      }),
    ).rejects.toThrow(kind === "postgres" ? /unbalanced journal entry je-bad2/ : /Raw query failed/); // the PGlite adapter drops the message
    expect(await p.posting.count({ where: { id: "p5" } })).toBe(0);
    // Balanced lines inserted one at a time are fine (the check waits for the commit).
    await p.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "JournalEntry" (id, kind) VALUES ('je-ok', 'FEE')`;
      await tx.$executeRaw`INSERT INTO "Posting" (id, "entryId", "ledgerAccount", amount) VALUES ('p3', 'je-ok', 'CUSTODY', 100.00)`;
      await tx.$executeRaw`INSERT INTO "Posting" (id, "entryId", "ledgerAccount", amount) VALUES ('p4', 'je-ok', 'FUNDING', -100.00)`;
    });
    await expect(t.db.sql.exec(`DELETE FROM "Posting" WHERE id = 'p3'`)).rejects.toThrow(
      /unbalanced journal entry je-ok/,
    );
    await expect(t.db.sql.exec(`UPDATE "Posting" SET amount = -99 WHERE id = 'p4'`)).rejects.toThrow(/unbalanced/);
    expect(await p.posting.count({ where: { entryId: "je-ok" } })).toBe(2);
    await expect(t.db.sql.query(`UPDATE "Account" SET cash = -0.01 WHERE id = $1`, [accountId])).rejects.toThrow(
      /Account_cash_nonnegative/,
    );
    await expect(
      p.account.update({ where: { id: accountId }, data: { cash: { decrement: "1000000.01" } } }),
    ).rejects.toThrow();
    expect((await p.account.findUniqueOrThrow({ where: { id: accountId } })).cash.toFixed(2)).toBe("1000000.00");
    await p.$executeRaw`UPDATE "Account" SET cash = 0 WHERE id = ${accountId}`;
    expect((await p.account.findUniqueOrThrow({ where: { id: accountId } })).cash.toFixed(2)).toBe("0.00");
  });
});
