// The liquidation desk against a real database (PGlite and PostgreSQL) with the real risk engine and
// planner, selling against a fixed order book: tickets open at the bar close (R3 triggers), wait out
// the review window and execute at the deadline through the ledger (R6, R7), hard floors execute at
// once, the volume cap carries the rest to the next minute, and a wiped-out account's loss goes
// through the waterfall (R8). Numbers worked by hand in the comments (m = 0.12 throughout: main board,
// T1, sigma below sigmaRef, position far below 1% of ADV).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent, appendAuditEventsTx, verifyAuditChain } from "@/server/audit/audit-service";
import { checkLedgerAgreement } from "@/server/ledger/ledger-service";
import { DEFAULT_PLANNER_PARAMS } from "@/server/liquidation/planner/planner-params";
import { listTicketsForApi, parseTicketsQuery } from "@/server/liquidation/ticket-queries";
import { readWaterfall, seedWaterfallLayers } from "@/server/liquidation/waterfall-ledger";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { createDesk, seedBook, SYM, T0 } from "./helpers/liquidation";

describe.each(BACKENDS)("liquidation desk on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  const ticketsOf = (accountId: string) =>
    t.db.prisma.liquidationTicket.findMany({ where: { accountId }, include: { legs: true, fills: true } });

  it("opens a ticket below the liquidation line, waits out the 45 s window, then sells 400 shares through the ledger", async () => {
    // L: 1,000 x 10.00, debt 8,900 -> E 1,100, MM 1,200, ML 0.917 (LIQUIDATION). Healthy H: debt 5,000, ML 4.17.
    await seedBook(t.db, [
      { id: "acc-l", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] },
      { id: "acc-h", debt: 5000, positions: [{ symbol: SYM, qty: 1000 }] },
    ]);
    const f = await createDesk(t.db);
    const sync = await f.closeMinute(T0);
    expect(sync).toMatchObject({ created: 1, replanned: 0, cancelled: 0 });
    const [ticket] = await ticketsOf("acc-l");
    expect(await ticketsOf("acc-h")).toEqual([]);
    expect(ticket).toMatchObject({ status: "OPEN", urgency: "LIQUIDATION" });
    expect(ticket?.deadline.getTime()).toBe(T0 + 60_000 + 45_000);
    // Target 1.5 after selling x shares at 10.00 (fees 7.04 for 400): 300 leave ML 1,092.96 / 840 = 1.30,
    // 400 leave 1,092.96 / 720 = 1.518 -> the minimal whole-lot sale is 400.
    expect(ticket?.legs.map((l) => [l.symbol, l.qty])).toEqual([[SYM, 400]]);

    // Before the deadline nothing happens; after it the ticket executes without anyone clicking.
    f.clock.now = T0 + 60_000 + 44_000;
    await f.desk.checkDue();
    expect((await ticketsOf("acc-l"))[0]?.status).toBe("OPEN");
    f.clock.now = T0 + 60_000 + 45_000;
    await f.desk.checkDue();
    const [done] = await ticketsOf("acc-l");
    expect(done?.status).toBe("EXECUTED");
    expect(done?.fills.map((x) => [x.qty, x.price])).toEqual([[400, 10]]);
    // Gross 4,000.00; fees: commission max(5, 1.00) = 5.00, stamp duty 2.00, transfer 0.04 -> 7.04; net 3,992.96
    // repays debt: 8,900 - 3,992.96 = 4,907.04, cash back to 0, 600 shares left.
    expect(Number(done?.fills[0]?.fees)).toBe(7.04);
    const acc = await t.db.prisma.account.findUniqueOrThrow({ where: { id: "acc-l" }, include: { positions: true } });
    expect([acc.cash.toString(), acc.debt.toString(), acc.positions[0]?.qty]).toEqual(["0", "4907.04", 600]);
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
    const kinds = await t.db.prisma.journalEntry.findMany({
      where: { kind: { in: ["TRADE", "FEE", "DEBT_REPAYMENT"] } },
      select: { kind: true },
    });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["DEBT_REPAYMENT", "FEE", "TRADE"]);
    // The risk engine sees the new book: ML = (6,000 - 4,907.04) / 720 = 1.518.
    await f.engine.tick(T0 + 60_000, [{ symbol: SYM, close: 10 }]);
    expect(f.engine.snapshot("acc-l")?.marginLevel).toBeCloseTo(1092.96 / 720, 9);
    expect((await verifyAuditChain(t.db.prisma)).ok).toBe(true);

    // DESIGN 10: GET /api/v1/liquidation/tickets?status=EXECUTED&since=...
    const api = await listTicketsForApi(
      t.db.prisma,
      parseTicketsQuery(new URLSearchParams({ status: "EXECUTED", since: new Date(T0).toISOString() })),
    );
    expect(api).toEqual([
      {
        id: done?.id,
        accountId: "acc-l",
        status: "EXECUTED",
        urgency: "LIQUIDATION",
        createdAt: new Date(T0 + 60_000).toISOString(),
        deadline: new Date(T0 + 105_000).toISOString(),
        legs: [{ symbol: SYM, qty: 400, expectedPrice: 10, expectedSlippageBps: 0, filledQty: 400 }],
        fills: [{ symbol: SYM, qty: 400, price: 10, ts: new Date(T0 + 105_000).toISOString(), fees: 7.04 }],
        realizedSlippageBps: 0,
        expectedSlippageBps: 0,
        shortfall: 0,
      },
    ]);
    expect(await listTicketsForApi(t.db.prisma, parseTicketsQuery(new URLSearchParams({ status: "OPEN" })))).toEqual(
      [],
    );
    expect(() => parseTicketsQuery(new URLSearchParams({ status: "DONE" }))).toThrow(/status must be one of/);
    expect(() => parseTicketsQuery(new URLSearchParams({ since: "yesterday" }))).toThrow(/ISO-8601/);
  });

  it("a hard-floor account has no review window: its ticket executes at the bar close; the volume cap carries the rest", async () => {
    // F: debt 9,600 -> E 400, ML 0.333 (HARD_FLOOR). Last bar 2,000 shares -> at most 500 per minute (25%).
    await seedBook(t.db, [{ id: "acc-f", debt: 9600, positions: [{ symbol: SYM, qty: 1000 }] }], { volume: 2000 });
    const f = await createDesk(t.db);
    await f.closeMinute(T0);
    const [ticket] = await ticketsOf("acc-f");
    expect(ticket?.urgency).toBe("HARD_FLOOR");
    expect(ticket?.deadline.getTime()).toBe(T0 + 60_000);
    const planned = ticket?.legs[0]?.qty ?? 0;
    expect(planned).toBeGreaterThan(500);
    expect(ticket?.status).toBe("PARTIALLY_FILLED");
    expect(ticket?.fills.map((x) => x.qty)).toEqual([500]);
    // A second pass in the same minute adds nothing (the minute's cap is used, the fill key exists).
    await f.desk.resume();
    expect((await ticketsOf("acc-f"))[0]?.fills).toHaveLength(1);
    await f.closeMinute(T0 + 60_000);
    const [after] = await ticketsOf("acc-f");
    expect(after?.fills.map((x) => x.qty).reduce((a, b) => a + b, 0)).toBe(Math.min(planned, 1000));
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
  });

  it("a margin call unmet at its deadline while still below the warning line opens a CALL_EXPIRED ticket", async () => {
    // W: debt 8,500 -> E 1,500, ML 1.25: WARNING, a margin call with 30 minutes; no ticket yet.
    await seedBook(t.db, [{ id: "acc-w", debt: 8500, positions: [{ symbol: SYM, qty: 1000 }] }]);
    const f = await createDesk(t.db);
    await f.closeMinute(T0);
    expect(await ticketsOf("acc-w")).toEqual([]);
    await f.closeMinute(T0 + 29 * 60_000); // closes T0+30 min, before the deadline T0+31 min
    expect(await ticketsOf("acc-w")).toEqual([]);
    await f.closeMinute(T0 + 30 * 60_000); // closes T0+31 min: the call escalates, the ticket opens
    const tickets = await ticketsOf("acc-w");
    expect(tickets.map((x) => [x.status, x.urgency])).toEqual([["OPEN", "CALL_EXPIRED"]]);
  });

  it("LIQUIDATION -> HARD_FLOOR re-plans the open ticket instead of adding one; the index refuses a second open ticket", async () => {
    await seedBook(t.db, [{ id: "acc-l", debt: 8900, positions: [{ symbol: SYM, qty: 1000 }] }]);
    // A 10-minute review window, so the ticket is still in review when the price moves.
    await t.db.prisma.riskParamVersion.update({
      where: { version: 1 },
      data: {
        params: {
          ...DEFAULT_RISK_PARAMS,
          liquidation: { ...DEFAULT_PLANNER_PARAMS, reviewWindowSeconds: 600 },
        } as object,
      },
    });
    const f = await createDesk(t.db);
    await f.closeMinute(T0);
    await expect(
      t.db.sql.query(
        `INSERT INTO "LiquidationTicket" (id, "accountId", status, urgency, "triggerMinute", deadline, "holdCapMs", "paramVersion", equity, maintenance, reasons, plan, "updatedAt")
       SELECT 'dup', "accountId", 'OPEN', urgency, "triggerMinute", deadline, 0, 1, 0, 0, '{}', '{}', now() FROM "LiquidationTicket" WHERE "accountId" = 'acc-l'`,
      ),
    ).rejects.toThrow(/unique|duplicate/i);
    // 9.50: E = 9,500 - 8,900 = 600, MM = 1,140, ML 0.526 (still LIQUIDATION): nothing changes
    await f.closeMinute(T0 + 60_000, 9.5);
    expect((await ticketsOf("acc-l")).map((x) => [x.status, x.urgency, x.replans])).toEqual([
      ["OPEN", "LIQUIDATION", 0],
    ]);
    // 9.30: E 400, MM 1,116, ML 0.358 -> HARD_FLOOR: the same ticket, re-planned and executed at once.
    const sync = await f.closeMinute(T0 + 120_000, 9.3);
    expect(sync).toMatchObject({ created: 0, replanned: 1 });
    const tickets = await ticketsOf("acc-l");
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ urgency: "HARD_FLOOR", replans: 1 });
    expect(tickets[0]?.deadline.getTime()).toBe(T0 + 180_000);
    expect(tickets[0]?.fills.length).toBeGreaterThan(0);
  });

  it("tickets opened in bulk keep the audit chain in order (one statement for 300 events)", async () => {
    await appendAuditEvent(t.db.prisma, { action: "test.before" });
    await t.db.prisma.$transaction((tx) =>
      appendAuditEventsTx(
        tx,
        Array.from({ length: 300 }, (_, i) => ({ action: "test.bulk", after: { i, x: 0.1 + 0.2 } })),
      ),
    );
    await appendAuditEvent(t.db.prisma, { action: "test.after" });
    const rows = await t.db.prisma.auditEvent.findMany({
      where: { action: "test.bulk" },
      orderBy: { id: "asc" },
      select: { after: true },
    });
    expect(rows.map((r) => (r.after as { i: number }).i)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: true, checked: 302 });
  });

  it("a wiped-out account's loss goes through the waterfall: client margin, then risk capital", async () => {
    // X: cash 200, debt 10,700 -> E -500. Selling all 1,000: 500 at 10.00 + 500 at 9.99 = 9,995.00 gross;
    // fees 5.00 + 5.00 (stamp 4.9975 -> 5.00) + 0.10 = 10.10; net 9,984.90 repays debt -> 715.10 left and
    // no shares: the client's margin (cash 200) repays 200, the risk capital layer absorbs 515.10.
    await seedBook(t.db, [{ id: "acc-x", debt: 10700, cash: 200, positions: [{ symbol: SYM, qty: 1000 }] }]);
    await seedWaterfallLayers(t.db.prisma);
    const f = await createDesk(t.db);
    await f.closeMinute(T0);
    const [ticket] = await ticketsOf("acc-x");
    expect(ticket?.status).toBe("EXECUTED");
    expect(ticket?.fills.map((x) => [x.qty, x.price, Number(x.fees)])).toEqual([[1000, 9.995, 10.1]]);
    const acc = await t.db.prisma.account.findUniqueOrThrow({ where: { id: "acc-x" } });
    expect([acc.cash.toString(), acc.debt.toString()]).toEqual(["0", "0"]);
    const wf = await readWaterfall(t.db.prisma);
    expect(wf.find((l) => l.layer === "RISK_CAPITAL")).toEqual({
      layer: "RISK_CAPITAL",
      balance: 5_000_000 - 515.1,
      absorbed: 515.1,
      funded: 5_000_000,
    });
    expect(wf.find((l) => l.layer === "GUARANTEE_FUND")?.absorbed).toBe(0);
    const repayments = await t.db.prisma.journalEntry.findMany({
      where: { kind: "DEBT_REPAYMENT" },
      include: { postings: true },
    });
    expect(
      repayments
        .map((e) => Number(e.postings.find((p) => p.ledgerAccount === "CLIENT_DEBT")?.amount))
        .sort((a, b) => a - b),
    ).toEqual([-9984.9, -200]);
    expect((await checkLedgerAgreement(t.db.prisma)).ok).toBe(true);
  });
});
