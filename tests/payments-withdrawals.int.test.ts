// P3 through tRPC against PGlite and PostgreSQL: request with idempotency, maker-checker, TOTP
// step-up (missing, stale, fresh), two approvers above the high threshold, two managers approving
// at the same moment (one payment), the initial-margin refusal, compliance freeze and appeal, and
// the rails (send, settle, fail, reverse) keeping Account.cash equal to the ledger.
import Decimal from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateTotpCode } from "@/server/auth/totp";
import { openingEntry } from "@/server/ledger/ledger-math";
import { checkLedgerAgreement, clientLedgerBalances, postEntryTx } from "@/server/ledger/ledger-service";
import { runRails } from "@/server/payments/rails-simulator";
import { applyWithdrawalOutcome, sendWithdrawal } from "@/server/payments/settlement";
import { callerFor, createUser, markStepUp, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("payments withdrawals on %s", (kind) => {
  let t: TestDatabase;
  let risk: TestUser, m1: TestUser, m2: TestUser, compliance: TestUser, auditor: TestUser;
  let accountId: string;
  let seq = 0;
  const key = () => `test-key-${Date.now()}-${seq++}`;

  async function openAccount(cash: string, debt = "0", code = `T${seq++}`) {
    const a = await t.db.prisma.account.create({
      data: { code, clientName: "测试客户", kycLevel: 3, cash: "0", debt: "0" },
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
  const fresh = (u: TestUser) => markStepUp(t.db, u);
  const request = (u: TestUser, amount: number, acct = accountId, k = key()) =>
    callerFor(t.db, u).payments.request({
      accountId: acct,
      amount,
      channel: "BANK_TRANSFER",
      beneficiaryName: "测试客户",
      beneficiaryAcct: "6222000011112222",
      idempotencyKey: k,
    });

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    [risk, m1, m2, compliance, auditor] = [
      await createUser(t.db, "RISK"),
      await createUser(t.db, "MANAGER"),
      await createUser(t.db, "MANAGER"),
      await createUser(t.db, "COMPLIANCE"),
      await createUser(t.db, "AUDITOR"),
    ];
    accountId = await openAccount("3000000.00");
  });
  afterEach(async () => t.drop());

  it("a request is checked and queued; the same idempotency key never creates a second withdrawal", async () => {
    const k = key();
    const w = await request(risk, 100_000, accountId, k);
    expect(w.status).toBe("PENDING_APPROVAL");
    const again = await request(risk, 100_000, accountId, k);
    expect(again.id).toBe(w.id);
    await expect(request(risk, 100_001, accountId, k)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.prisma.withdrawal.count()).toBe(1);
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { targetId: w.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["withdrawal.requested", "withdrawal.check", "withdrawal.submit"]);
    const queue = await callerFor(t.db, auditor).payments.queue({});
    expect(queue.map((q) => q.id)).toEqual([w.id]);
  });

  it("the console enters a withdrawal by account code with the signed-in user as maker; a channel limit is a clear refusal", async () => {
    const code = (await t.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } })).code;
    const c = callerFor(t.db, risk);
    const w = await c.payments.request({
      accountCode: code,
      amount: 1000,
      channel: "QUICK_PAY",
      beneficiaryName: "x",
      beneficiaryAcct: "6222000011112222",
      idempotencyKey: key(),
    });
    expect(w).toMatchObject({ accountId, source: "CONSOLE", requestedById: risk.id, status: "PENDING_APPROVAL" });
    await expect(
      c.payments.request({
        accountCode: "NOPE",
        amount: 1,
        channel: "ACH",
        beneficiaryName: "x",
        beneficiaryAcct: "62220000",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      c.payments.request({
        accountCode: code,
        amount: 50_000.01,
        channel: "QUICK_PAY",
        beneficiaryName: "x",
        beneficiaryAcct: "62220000",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/channel limit/) });
    await expect(
      c.payments.request({
        amount: 1,
        channel: "ACH",
        beneficiaryName: "x",
        beneficiaryAcct: "62220000",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the maker cannot approve their own request; another manager can", async () => {
    await fresh(m1);
    await fresh(m2);
    const w = await request(m1, 50_000);
    await expect(callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/maker-checker/),
    });
    expect((await callerFor(t.db, m2).payments.approve({ id: w.id, idempotencyKey: key() })).status).toBe("APPROVED");
  });

  it("refuses approval without a step-up or with one older than 5 minutes; a TOTP code makes it fresh", async () => {
    const w = await request(risk, 50_000);
    const c = callerFor(t.db, m1);
    await expect(c.payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await markStepUp(t.db, m1, 5 * 60_000 + 1000);
    await expect(c.payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(c.payments.approve({ id: w.id, idempotencyKey: key(), totpCode: "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const code = generateTotpCode(m1.totpSecret ?? "", Date.now());
    expect((await c.payments.approve({ id: w.id, idempotencyKey: key(), totpCode: code })).status).toBe("APPROVED");
  });

  it("replaying an approval with its key is idempotent; RISK and AUDITOR may not approve", async () => {
    await fresh(m1);
    const w = await request(risk, 50_000);
    const k = key();
    await callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: k });
    expect((await callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: k })).status).toBe("APPROVED");
    expect(await t.db.prisma.withdrawalApproval.count()).toBe(1);
    await expect(callerFor(t.db, risk).payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(request(auditor, 10)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("two managers approving at the same moment: one approval, one payment", async () => {
    await fresh(m1);
    await fresh(m2);
    const w = await request(risk, 200_000);
    const results = await Promise.allSettled([
      callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() }),
      callerFor(t.db, m2).payments.approve({ id: w.id, idempotencyKey: key() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await t.db.prisma.withdrawalApproval.count()).toBe(1);
    const sends = await Promise.allSettled([sendWithdrawal(t.db.prisma, w.id), sendWithdrawal(t.db.prisma, w.id)]);
    expect(sends.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const acct = await t.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(acct.cash.toFixed(2)).toBe("2800000.00");
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
  });

  it("above 1,000,000 CNY two distinct managers must approve", async () => {
    await fresh(m1);
    await fresh(m2);
    const w = await request(risk, 1_200_000);
    expect(w.requiredApprovals).toBe(2);
    expect((await callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() })).status).toBe(
      "PENDING_APPROVAL",
    );
    await expect(callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/different manager/),
    });
    expect((await callerFor(t.db, m2).payments.approve({ id: w.id, idempotencyKey: key() })).status).toBe("APPROVED");
  });

  it("refuses an amount that would take the account below its initial margin (conservative fallback; the risk-engine rate: payments-money-path)", async () => {
    // Without a snapshot: cash 100,000, debt 90,000 and no positions -> at most 10,000 may leave.
    const levered = await openAccount("100000.00", "90000.00");
    expect((await request(risk, 10_000.01, levered)).status).toBe("REJECTED");
    expect((await request(risk, 10_000, levered)).status).toBe("PENDING_APPROVAL");
  });

  it("compliance freezes; nobody can act; an appeal is recorded; unfreeze returns it; a confirmed freeze rejects it", async () => {
    await fresh(m1);
    const w = await request(risk, 80_000);
    await callerFor(t.db, compliance).payments.freeze({ id: w.id, reason: "Sanctions screening hit" });
    await expect(callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/frozen/),
    });
    await expect(callerFor(t.db, m1).payments.freeze({ id: w.id, reason: "x".repeat(5) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(t.db, risk).payments.appeal({ id: w.id, text: "Client sent proof of identity" });
    expect(
      (await callerFor(t.db, compliance).payments.unfreeze({ id: w.id, note: "Cleared after review" })).status,
    ).toBe("PENDING_APPROVAL");
    await callerFor(t.db, compliance).payments.freeze({ id: w.id, reason: "Second hit" });
    expect(
      (await callerFor(t.db, compliance).payments.confirmFreeze({ id: w.id, note: "Confirmed match" })).status,
    ).toBe("REJECTED");
  });

  it("rails: approved -> sent -> settled, a failed one returns the cash, a reversal re-credits it; no freeze after SENT", async () => {
    await fresh(m1);
    const a = await request(risk, 100_000);
    const b = await request(risk, 50_000);
    for (const w of [a, b]) await callerFor(t.db, m1).payments.approve({ id: w.id, idempotencyKey: key() });
    const r = await runRails(t.db.prisma);
    expect(r.sent).toBe(2);
    await expect(callerFor(t.db, compliance).payments.freeze({ id: a.id, reason: "Too late" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await applyWithdrawalOutcome(t.db.prisma, `WD-${a.id}`, "SETTLE");
    await applyWithdrawalOutcome(t.db.prisma, `WD-${b.id}`, "FAIL");
    expect((await clientLedgerBalances(t.db.prisma, accountId)).cash.toFixed(2)).toBe("2900000.00");
    await applyWithdrawalOutcome(t.db.prisma, `WD-${a.id}`, "REVERSE");
    await expect(applyWithdrawalOutcome(t.db.prisma, `WD-${a.id}`, "REVERSE")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const acct = await t.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(acct.cash.toFixed(2)).toBe("3000000.00");
    const check = await checkLedgerAgreement(t.db.prisma);
    expect(check.ok).toBe(true);
    expect(check.totals.find((x) => x.ledgerAccount === "IN_TRANSIT")?.balance ?? 0).toBe(0);
  });
});
