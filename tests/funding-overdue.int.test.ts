// F1 overdue handling on both backends, by hand: loans 1, 4 and 12 days past their 30-day term; a
// run marks them OVERDUE (alert + audit), restricts margin buys from 3 days, pages the desk from 10
// days with a link to the account, and a second run repeats none of the records; overdue principal
// accrues penalty interest (1.5x); a restricted account's new lending is refused and audited.
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accrueDay } from "@/server/funding/accrual-service";
import { requestNewLending } from "@/server/funding/lending-service";
import { runOverdue } from "@/server/funding/overdue-service";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 2, 0);

describe.each(BACKENDS)("overdue loans on %s", (kind) => {
  let t: TestDatabase;
  const ids: Record<string, { account: string; loan: string }> = {};

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.db.prisma.symbol.create({
      data: {
        code: "600000.SH",
        name: "x",
        sector: "BANKS",
        board: "MAIN",
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        beta: 1,
        prevClose: 10,
        avgDailyValue: 1e9,
      },
    });
    const source = await t.db.prisma.fundingSource.create({
      data: {
        code: "BANK",
        name: "Bank",
        kind: "BANK_CREDIT",
        limitAmount: "100000000",
        costRate: 0.04,
        spikeRate: 0.08,
        maturityDate: new Date(NOW + 90 * DAY),
        priority: 1,
      },
    });
    for (const [name, daysLate] of [
      ["current", -5],
      ["late1", 1.5],
      ["late4", 4.2],
      ["late12", 12.1],
    ] as const) {
      const a = await t.db.prisma.account.create({
        data: { code: name, clientName: name, cash: "100000", debt: "0" },
      });
      const l = await t.db.prisma.loan.create({
        data: {
          accountId: a.id,
          sourceId: source.id,
          symbol: "600000.SH",
          sector: "BANKS",
          principal: "365000.00",
          rate: 0.06,
          feeRate: 0,
          termDays: 30,
          createdAt: new Date(NOW - (30 + daysLate) * DAY),
        },
      });
      ids[name] = { account: a.id, loan: l.id };
    }
  });
  afterAll(async () => {
    await t.drop();
  });

  it("marks, restricts and pages by stage, once", async () => {
    const r = await runOverdue(t.db.prisma, NOW);
    expect(r.markedOverdue).toBe(3);
    expect(r.restricted).toBe(2); // 4 and 12 days
    expect(r.events.map((e) => [e.kind, e.key, e.link])).toEqual([
      ["funding.loanOverdue", `loan:${ids.late12!.loan}`, `/accounts/${ids.late12!.account}`],
    ]);
    expect(r.events[0]?.title).toBe("{account}: a loan of CNY 365,000.00 is 12 days overdue");
    const status = async (n: string) =>
      (await t.db.prisma.loan.findUniqueOrThrow({ where: { id: ids[n]!.loan } })).status;
    expect([await status("current"), await status("late1"), await status("late4"), await status("late12")]).toEqual([
      "OPEN",
      "OVERDUE",
      "OVERDUE",
      "OVERDUE",
    ]);
    const restrictions = await t.db.prisma.accountRestriction.findMany({ where: { restrictBuys: true } });
    expect(restrictions.map((x) => x.accountId).sort()).toEqual([ids.late4!.account, ids.late12!.account].sort());
    const alerts = await t.db.prisma.fundingAlert.groupBy({
      by: ["kind"],
      _count: { _all: true },
      orderBy: { kind: "asc" },
    });
    expect(alerts.map((a) => [a.kind, a._count._all])).toEqual([
      ["LOAN_LIQUIDATE", 1],
      ["LOAN_OVERDUE", 3],
    ]);
    // A second run writes nothing new; the desk event repeats (grouped by on-call under its key).
    const again = await runOverdue(t.db.prisma, NOW + 60_000);
    expect([again.markedOverdue, again.restricted, again.events.length]).toEqual([0, 0, 1]);
    expect(await t.db.prisma.fundingAlert.count()).toBe(4);
    expect(
      await t.db.prisma.auditEvent.count({
        where: { action: { in: ["funding.loan.overdue", "funding.loan.restricted"] } },
      }),
    ).toBe(5);
  });

  it("overdue principal accrues penalty interest: 365,000 x 6% x 1.5 / 365 = 90.00 a day (60.00 when current)", async () => {
    await accrueDay(t.db.prisma, "2026-12-02");
    const acc = await t.db.prisma.loanAccrual.findMany({ include: { loan: { select: { accountId: true } } } });
    const byAccount = new Map(acc.map((a) => [a.loan.accountId, a.interest.toString()]));
    expect(byAccount.get(ids.current!.account)).toBe("60");
    expect(byAccount.get(ids.late1!.account)).toBe("90");
  });

  it("new lending to a restricted account is refused, audited, and lends nothing", async () => {
    const before = await t.db.prisma.loan.count();
    const d = await requestNewLending(
      t.db.prisma,
      { id: "system", email: "system:test" },
      { accountId: ids.late4!.account, symbol: "600000.SH", amount: new Decimal(1000), termDays: 30 },
    );
    expect(d).toMatchObject({ ok: false, restricted: "RESTRICT_BUYS" });
    expect(await t.db.prisma.loan.count()).toBe(before);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "funding.lending.refused" } })).toBe(1);
  });
});
