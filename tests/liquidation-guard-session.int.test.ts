// The mark guard and the session calendar wired into the liquidation desk, on PGlite and PostgreSQL.
// Guard: a bad print on the primary feed (9.00 while the secondary feed says 10.00) must not open a
// ticket on the account holding that symbol; the desk gets an alert it can read; the next minute, both
// feeds at 9.00, the ticket opens. Session: with the A-share setting, a claimed ticket waits through the
// lunch break and a Saturday and sells at 13:00; the demo default (no setting) sells at once.
// Figures (m = 0.12, lines: liquidation 1.0): 1,000 shares, debt 8,000: at 10.00 E 2,000, MM 1,200,
// ML 1.67 (healthy); at 9.00 E 1,000, MM 1,080, ML 0.926 (LIQUIDATION). Debt 9,600 at 10.00: E 400,
// ML 0.333 (HARD_FLOOR, executes without a review window).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedCalendars } from "@/server/calendar/calendar-service";
import { EXECUTION_SESSION_KEY } from "@/server/liquidation/execution/session-window";
import { FeedSupervisor } from "@/server/market/feeds/feed-supervisor";
import type { FeedBatch, FeedSource } from "@/server/market/feeds/feed-source";
import type { Bar } from "@/server/market/types";
import { settingExecutionWindow } from "@/server/liquidation/execution/session-window";
import { callerFor, createUser } from "./helpers/fixtures";
import { createDesk, seedBook, SYM, SYM2, T0 } from "./helpers/liquidation";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

/** A vendor whose next prints the test sets per symbol. */
class FakeVendor implements FeedSource {
  readonly kind = "simulator" as const;
  readonly prices = new Map<string, number>();
  constructor(readonly id: string) {}
  poll(now: number): FeedBatch {
    const ticks = [...this.prices].map(([symbol, price]) => ({
      symbol,
      ts: now,
      price,
      qty: 100,
      book: { bids: [], asks: [] },
    }));
    return { ticks, alive: true };
  }
  problem() {
    return null;
  }
}

const barOf = (symbol: string, ts: number, close: number): Bar => ({
  symbol,
  ts,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1000,
  turnover: close * 1000,
  vwap: close,
  trades: 12,
  spreadBps: 10,
  bidDepth: 0,
  askDepth: 0,
  imbalance: 0,
  quality: "OK",
});

describe.each(BACKENDS)("liquidation mark guard and session calendar on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  const ticketsOf = (accountId: string) =>
    t.db.prisma.liquidationTicket.findMany({ where: { accountId }, include: { fills: true } });

  it("one bad print freezes new triggers on the accounts holding the symbol and alerts the desk; a confirmed close then triggers", async () => {
    await seedBook(t.db, [
      { id: "acc-l", debt: 8000, positions: [{ symbol: SYM, qty: 1000 }] },
      { id: "acc-m", debt: 8000, positions: [{ symbol: SYM2, qty: 1000 }] },
    ]);
    const primary = new FakeVendor("primary");
    const secondary = new FakeVendor("secondary");
    const feeds = new FeedSupervisor(primary, secondary, T0);
    const f = await createDesk(t.db, { feeds });
    /** One minute of prints every 5 s, then the close with the supervisor's quality flags. */
    const minute = async (ts: number, p: Record<string, number>, s: Record<string, number>) => {
      for (const [k, v] of Object.entries(p)) primary.prices.set(k, v);
      for (const [k, v] of Object.entries(s)) secondary.prices.set(k, v);
      for (let at = ts; at < ts + 60_000; at += 5_000) feeds.poll(at);
      const quality = Object.fromEntries(
        Object.entries(p).map(([sym, close]) => [sym, feeds.qualityFor(barOf(sym, ts, close))]),
      );
      return f.closeMinute(ts, p, quality);
    };

    // The queue's live stream is open before the close: the freeze reaches it as a push, not a poll.
    const watcher = callerFor(t.db, await createUser(t.db, "RISK"), {
      services: { liveRisk: () => Promise.resolve(f.engine) },
      bus: f.bus,
    });
    const stream = (await watcher.liquidation.onTicket())[Symbol.asyncIterator]();
    // A generator's body (and so its bus subscription) starts at the first next(): ask before the close.
    let next = stream.next();

    // SYM prints 9.00 on the primary while the secondary says 10.00 (10% apart, band 1%); SYM2 really is 9.00.
    const first = await minute(T0, { [SYM]: 9, [SYM2]: 9 }, { [SYM]: 10, [SYM2]: 9 });
    const pushed: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const got = await next;
      if (got.done) break;
      pushed.push(got.value);
      if ((got.value as { kind?: string }).kind === "MARK_FREEZE") break;
      next = stream.next();
    }
    await stream.return?.(undefined);
    expect(pushed).toContainEqual({ kind: "MARK_FREEZE", minuteTs: T0, symbols: [SYM] });
    expect(f.engine.snapshot("acc-l")?.status).toBe("LIQUIDATION"); // the risk view moved...
    expect(await ticketsOf("acc-l")).toEqual([]); // ...but no ticket on one unconfirmed print
    expect((await ticketsOf("acc-m")).map((x) => x.urgency)).toEqual(["LIQUIDATION"]);
    expect(first.frozen).toEqual([expect.objectContaining({ symbol: SYM, accounts: 1 })]);
    // The desk sees the alert (queue page query) and the audit trail has it.
    const risk = callerFor(t.db, await createUser(t.db, "RISK"), {
      services: { liveRisk: () => Promise.resolve(f.engine) },
    });
    const alerts = await risk.liquidation.markFreezes();
    expect(alerts.map((a) => [a.symbol, a.minuteTs.getTime(), a.accounts])).toEqual([[SYM, T0, 1]]);
    expect(["STALE", "DIVERGED"]).toContain(alerts[0]?.reason);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "liquidation.mark_freeze", targetId: SYM } })).toBe(1);

    // Next minute both feeds agree at 9.00: the mark is confirmed and the ticket opens.
    const second = await minute(T0 + 60_000, { [SYM]: 9, [SYM2]: 9 }, { [SYM]: 9, [SYM2]: 9 });
    expect(second.frozen).toEqual([]);
    expect((await ticketsOf("acc-l")).map((x) => [x.status, x.urgency])).toEqual([["OPEN", "LIQUIDATION"]]);
  });

  it("a GAP bar (failover inside the minute) freezes too, without a second source to compare", async () => {
    await seedBook(t.db, [{ id: "acc-l", debt: 8000, positions: [{ symbol: SYM, qty: 1000 }] }]);
    const evidence = { secondaryPrice: null as number | null, lastPrints: [9, 9, 9] };
    const f = await createDesk(t.db, { feeds: { markEvidence: () => evidence } });
    const r = await f.closeMinute(T0, { [SYM]: 9, [SYM2]: 10 }, { [SYM]: "GAP" });
    expect(r.frozen).toEqual([expect.objectContaining({ symbol: SYM, reason: "GAP", accounts: 1 })]);
    expect(await ticketsOf("acc-l")).toEqual([]);
    // The same close with an OK bar is confirmed by the median of its prints (9.00): the ticket opens.
    await f.closeMinute(T0 + 60_000, { [SYM]: 9, [SYM2]: 10 });
    expect(await ticketsOf("acc-l")).toHaveLength(1);
  });

  it("A-share session setting: a hard-floor ticket claimed in the lunch break and on a Saturday waits, then sells at 13:00", async () => {
    await seedBook(t.db, [{ id: "acc-f", debt: 9600, positions: [{ symbol: SYM, qty: 1000 }] }]);
    await seedCalendars(t.db.prisma);
    await t.db.prisma.setting.create({ data: { key: EXECUTION_SESSION_KEY, value: "A_SHARE" } });
    const f = await createDesk(t.db, { executionWindow: settingExecutionWindow(t.db.prisma) });
    // Saturday 2026-12-05 10:00 Shanghai (02:00Z): no exchange day.
    const saturday = Date.UTC(2026, 11, 5, 1, 59);
    await f.closeMinute(saturday);
    let [tk] = await ticketsOf("acc-f");
    expect([tk?.urgency, tk?.status, tk?.fills.length]).toEqual(["HARD_FLOOR", "EXECUTING", 0]);
    // Monday 2026-12-07 11:45 Shanghai (03:45Z): lunch break, still waiting.
    await f.closeMinute(Date.UTC(2026, 11, 7, 3, 44));
    [tk] = await ticketsOf("acc-f");
    expect([tk?.status, tk?.fills.length]).toEqual(["EXECUTING", 0]);
    // The bar 12:59-13:00 closes at 13:00 Shanghai (05:00Z): the afternoon session is open, it sells.
    await f.closeMinute(Date.UTC(2026, 11, 7, 4, 59));
    [tk] = await ticketsOf("acc-f");
    expect(tk?.fills.length).toBe(1);
    expect(tk?.status === "EXECUTED" || tk?.status === "PARTIALLY_FILLED").toBe(true);
  });

  it("the demo default (no setting) keeps the always-open session: the same ticket sells in the lunch break", async () => {
    await seedBook(t.db, [{ id: "acc-f", debt: 9600, positions: [{ symbol: SYM, qty: 1000 }] }]);
    await seedCalendars(t.db.prisma);
    const f = await createDesk(t.db, { executionWindow: settingExecutionWindow(t.db.prisma) });
    await f.closeMinute(Date.UTC(2026, 11, 7, 3, 44));
    const [tk] = await ticketsOf("acc-f");
    expect(tk?.fills.length).toBe(1);
  });
});
