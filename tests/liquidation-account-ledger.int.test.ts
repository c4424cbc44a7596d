// The account page's liquidation ledger (liquidationLedger.accountEntries): after a ticket executes at
// its deadline, the account sees exactly the entries the sale wrote (proceeds, fees, repayment), each
// balanced, and nothing of other accounts or of its opening balances. Figures worked by hand below.
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callerFor, createUser } from "./helpers/fixtures";
import { createDesk, seedBook, SYM, T0 } from "./helpers/liquidation";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("liquidation ledger of an account on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  it("lists the sale, fee and repayment entries of the executed ticket, balanced, newest first", async () => {
    // L: 1,000 x 10.00, debt 8,900 -> ML 0.917: the plan sells 400 at 10.00. Gross 4,000.00; fees 5.00
    // commission + 2.00 stamp duty + 0.04 transfer = 7.04; the net 3,992.96 repays debt.
    await seedBook(t.db, [
      { id: "acc-l", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] },
      { id: "acc-h", debt: 5000, positions: [{ symbol: SYM, qty: 1000 }] },
    ]);
    const f = await createDesk(t.db);
    await f.closeMinute(T0);
    const auditor = callerFor(t.db, await createUser(t.db, "AUDITOR"));
    expect(await auditor.liquidationLedger.accountEntries({ accountId: "acc-l" })).toEqual([]);

    f.clock.now = T0 + 60_000 + 45_000;
    await f.desk.checkDue();
    const entries = await auditor.liquidationLedger.accountEntries({ accountId: "acc-l" });
    expect(entries.map((e) => e.kind).sort()).toEqual(["DEBT_REPAYMENT", "FEE", "TRADE"]);
    for (const e of entries)
      expect(
        e.postings.reduce((a, p) => a + Math.round(p.amount * 100), 0),
        e.kind,
      ).toBe(0);
    const mine = (k: string, ledger: string) =>
      entries
        .find((e) => e.kind === k)
        ?.postings.filter((p) => p.accountId === "acc-l" && p.ledgerAccount === ledger)
        .reduce((a, p) => a + p.amount, 0);
    // Credit (negative) to the client's cash for the proceeds, debits for fees and the repayment.
    expect(mine("TRADE", "CLIENT_CASH")).toBe(-4000);
    expect(mine("FEE", "CLIENT_CASH")).toBe(7.04);
    expect(mine("DEBT_REPAYMENT", "CLIENT_CASH")).toBe(3992.96);
    expect(mine("DEBT_REPAYMENT", "CLIENT_DEBT")).toBe(-3992.96);
    const times = entries.map((e) => e.ts.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The healthy account's opening balances are in the ledger but are not liquidation entries.
    expect(await t.db.prisma.posting.count({ where: { accountId: "acc-h" } })).toBeGreaterThan(0);
    expect(await auditor.liquidationLedger.accountEntries({ accountId: "acc-h" })).toEqual([]);
  });

  it("refuses a bad account id or limit with BAD_REQUEST", async () => {
    const risk = callerFor(t.db, await createUser(t.db, "RISK"));
    await expect(risk.liquidationLedger.accountEntries({ accountId: "" })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
    await expect(risk.liquidationLedger.accountEntries({ accountId: "a", limit: 0 })).rejects.toSatisfy(
      (e) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
  });
});
