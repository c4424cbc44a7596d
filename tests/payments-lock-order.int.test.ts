// One lock order for every money transaction (account row, then the withdrawal / deposit row, the
// audit lock last): signed bank callbacks confirming deposits race the rails sending withdrawals
// on one account, each callback delivered twice. On PostgreSQL this used to deadlock (the rails
// took the audit lock before the account row, the deposit the reverse); now every transaction
// completes and each effect happens exactly once.
import Decimal from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openingEntry } from "@/server/ledger/ledger-math";
import { checkLedgerAgreement, postEntryTx } from "@/server/ledger/ledger-service";
import { handleCallback, signCallback } from "@/server/payments/callback";
import { createDeposit, sendWithdrawal } from "@/server/payments/settlement";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const SECRET = "s".repeat(40);
const N = 8;

describe.each(BACKENDS)("payments lock order on %s", (kind) => {
  let t: TestDatabase;
  let accountId: string;

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    const a = await t.db.prisma.account.create({
      data: { code: "RACE1", clientName: "竞态客户", kycLevel: 3, cash: "0", debt: "0" },
    });
    accountId = a.id;
    await t.db.prisma.$transaction((tx) =>
      postEntryTx(tx, openingEntry(a.id, new Decimal("1000000.00"), new Decimal(0))),
    );
  });
  afterEach(async () => t.drop());

  it("bank callbacks racing the rails on one account: no deadlock, exactly-once effects", async () => {
    const withdrawals: string[] = [];
    for (let i = 0; i < N; i++) {
      const w = await t.db.prisma.withdrawal.create({
        data: {
          accountId,
          amount: "1000.00",
          channel: "BANK_TRANSFER",
          beneficiaryName: "x",
          beneficiaryAcct: "62220000",
          status: "APPROVED",
          idempotencyKey: `race-w-${i}`,
        },
      });
      withdrawals.push(w.id);
      await createDeposit(t.db.prisma, {
        accountId,
        amount: 500,
        channel: "BANK_TRANSFER",
        reference: `RACE-DEP-${i}`,
        payerName: "竞态客户",
      });
    }
    const callback = (i: number) => {
      const raw = JSON.stringify({ kind: "deposit", reference: `RACE-DEP-${i}`, outcome: "CONFIRMED" });
      return handleCallback(t.db.prisma, raw, signCallback(raw, SECRET), SECRET, "127.0.0.1");
    };
    const jobs: Array<{ what: string; run: Promise<unknown> }> = [];
    for (let i = 0; i < N; i++) {
      jobs.push({ what: `send ${i}`, run: sendWithdrawal(t.db.prisma, withdrawals[i] ?? "") });
      jobs.push({ what: `deposit ${i}`, run: callback(i) });
      jobs.push({ what: `deposit ${i} again`, run: callback(i) });
      jobs.push({ what: `send ${i} again`, run: sendWithdrawal(t.db.prisma, withdrawals[i] ?? "") });
    }
    const results = await Promise.allSettled(jobs.map((j) => j.run));
    const failures = results.flatMap((r, k) =>
      r.status === "rejected" ? [{ what: jobs[k]?.what, reason: r.reason as { code?: string; message?: string } }] : [],
    );
    // Every failure is the duplicate's clean CONFLICT; nothing deadlocked or timed out.
    expect(failures.filter((f) => f.reason.code !== "CONFLICT").map((f) => `${f.what}: ${f.reason.message}`)).toEqual(
      [],
    );
    expect(failures).toHaveLength(2 * N);
    const p = t.db.prisma;
    expect(await p.withdrawal.count({ where: { status: "SENT" } })).toBe(N);
    expect(await p.deposit.count({ where: { status: "CONFIRMED" } })).toBe(N);
    expect(await p.journalEntry.count({ where: { kind: "WITHDRAWAL_SENT" } })).toBe(N);
    expect(await p.journalEntry.count({ where: { kind: "DEPOSIT" } })).toBe(N);
    // 1,000,000 - 8 x 1,000 + 8 x 500 = 996,000
    expect((await p.account.findUniqueOrThrow({ where: { id: accountId } })).cash.toFixed(2)).toBe("996000.00");
    expect((await checkLedgerAgreement(p)).ok).toBe(true);
  });
});
