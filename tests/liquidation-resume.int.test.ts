// Restart safety of execution (R7) on PGlite and PostgreSQL: the process dies between two slices
// (after one ticket's slice committed, before the next), or a slice of several tickets crashes between
// its fills; a new desk on the same database (what the plugin does at start-up: resume()) finishes the
// work, and no ticket is ever filled twice. Figures as in liquidation-desk: 1,000 shares at 10.00, debt
// 8,900 -> ML 0.917; the minimal whole-lot sale restoring 1.5 is 400 shares.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { checkLedgerAgreement } from "@/server/ledger/ledger-service";
import { SimulatorBrokerAdapter } from "@/server/liquidation/execution/broker-adapter";
import { LiquidationDesk } from "@/server/liquidation/liquidation-desk";
import { planLiquidation } from "@/server/liquidation/planner/plan-liquidation";
import { createDesk, seedBook, SYM, SYM2, T0, type DeskFixture } from "./helpers/liquidation";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const ACCOUNTS = [
  { id: "acc-a", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] },
  { id: "acc-b", debt: 8900, positions: [{ symbol: SYM2, qty: 1000 }] },
  { id: "acc-c", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] },
];

describe.each(BACKENDS)("liquidation resume after a crash on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  /** A fresh desk on the same database and market: the engine process after a restart. */
  const restarted = (f: DeskFixture) =>
    new LiquidationDesk({
      prisma: t.db.prisma,
      risk: f.engine,
      broker: new SimulatorBrokerAdapter(f.market),
      plan: planLiquidation,
      now: () => f.clock.now,
    });

  async function expectEachSoldOnce() {
    const tickets = await t.db.prisma.liquidationTicket.findMany({ include: { fills: true, legs: true } });
    expect(tickets).toHaveLength(3);
    for (const tk of tickets) {
      expect(tk.status).toBe("EXECUTED");
      expect(tk.fills.map((x) => x.qty)).toEqual([400]);
      expect(tk.legs.map((l) => l.filledQty)).toEqual([400]);
      expect(await t.db.prisma.liquidationEvent.count({ where: { ticketId: tk.id, kind: "EXECUTE" } })).toBe(1);
      expect(await t.db.prisma.liquidationEvent.count({ where: { ticketId: tk.id, kind: "COMPLETE" } })).toBe(1);
    }
    const positions = await t.db.prisma.position.findMany({ orderBy: { accountId: "asc" } });
    expect(positions.map((p) => [p.accountId, p.qty])).toEqual([
      ["acc-a", 600],
      ["acc-b", 600],
      ["acc-c", 600],
    ]);
    expect(await t.db.prisma.journalEntry.count({ where: { kind: "TRADE" } })).toBe(3);
    expect(await t.db.prisma.journalEntry.count({ where: { kind: "DEBT_REPAYMENT" } })).toBe(3);
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
    expect((await verifyAuditChain(t.db.prisma)).ok).toBe(true);
  }

  it("the process dies between slices: the committed slice stays, a restarted desk sells the rest once", async () => {
    await seedBook(t.db, ACCOUNTS);
    let slices = 0;
    const f = await createDesk(t.db, {
      // One ticket per slice transaction, so there is a "between slices" to die in.
      sliceBatch: 1,
      afterSlice: () => {
        slices += 1;
        if (slices === 1) throw new Error("simulated kill after the first slice committed");
      },
    });
    await f.closeMinute(T0);
    const deadline = (await t.db.prisma.liquidationTicket.findFirstOrThrow()).deadline.getTime();
    f.clock.now = deadline;
    await expect(f.desk.checkDue()).rejects.toThrow(/simulated kill/);
    const after = await t.db.prisma.liquidationTicket.findMany({ include: { fills: true } });
    expect(after.map((x) => x.status).sort()).toEqual(["EXECUTED", "EXECUTING", "EXECUTING"]);
    expect(after.flatMap((x) => x.fills.map((y) => y.qty))).toEqual([400]);

    const desk2 = restarted(f);
    await desk2.resume(); // start-up
    await desk2.resume(); // a second pass in the same minute adds nothing
    await restarted(f).resume(); // nor does a third process
    await expectEachSoldOnce();
  });

  it("a slice of three tickets crashes between its fills: all of it rolls back, then each ticket sells once", async () => {
    await seedBook(t.db, ACCOUNTS);
    let fills = 0;
    const f = await createDesk(t.db, {
      afterFill: () => {
        fills += 1;
        if (fills === 2) throw new Error("simulated crash between two fills");
      },
    });
    await f.closeMinute(T0);
    f.clock.now = (await t.db.prisma.liquidationTicket.findFirstOrThrow()).deadline.getTime();
    // The batch of three fails at its second fill and rolls back whole; the desk then retries the
    // tickets one by one (the seam no longer throws), so the minute still sells each once.
    await f.desk.checkDue();
    await expectEachSoldOnce();
    await restarted(f).resume();
    await expectEachSoldOnce();
  });

  it("a crash in every attempt leaves the tickets claimed and untouched; the restart sells them once", async () => {
    await seedBook(t.db, ACCOUNTS);
    let crash = true;
    const f = await createDesk(t.db, {
      afterFill: () => {
        if (crash) throw new Error("simulated crash");
      },
    });
    await f.closeMinute(T0);
    f.clock.now = (await t.db.prisma.liquidationTicket.findFirstOrThrow()).deadline.getTime();
    await f.desk.checkDue();
    const left = await t.db.prisma.liquidationTicket.findMany({ include: { fills: true } });
    expect(left.map((x) => [x.status, x.fills.length])).toEqual([
      ["EXECUTING", 0],
      ["EXECUTING", 0],
      ["EXECUTING", 0],
    ]);
    expect(await t.db.prisma.journalEntry.count({ where: { kind: "TRADE" } })).toBe(0);
    crash = false;
    await restarted(f).resume();
    await expectEachSoldOnce();
  });
});
