// The minute tick (R4), stateful part: holds the columnar book and the market vectors in memory,
// and at each bar close activates an approved parameter version, reloads the book when its version
// moved (BookChange rows: fills, deposits, withdrawals), revalues and classifies every account,
// decides status changes and margin calls, persists only those in one transaction, and publishes
// "risk:tick". The tick computes into a new state and swaps it in only after the commit: readers
// never see new prices with old figures, and a failed persist leaves the last committed state.
// Volatility: the market monitoring's sigma when it has one for the symbol (it needs some returns
// first), else this engine's own EWMA of the closed bars it receives (seeded from the last hour of
// bars). Both sources are handed in by the composition root; neither is optional.
import type { SqlSession } from "../../db/connection";
import type { PrismaClient } from "../../db/generated/client";
import type { EventBus } from "../../engine/event-bus";
import type { AccountRiskSnapshot, SymbolRiskOverrides, VolatilitySource } from "../ports";
import type { AccountInput } from "../margin/margin-model";
import {
  DEFAULT_MARGIN_CALL_MINUTES,
  DEFAULT_RISK_PARAMS,
  type RiskParams,
  type RiskStatus,
} from "../margin/risk-params";
import { activateApprovedParams, getActiveParams } from "../params/param-service";
import { digestBook, serializeBook, type BookColumns } from "./book-columns";
import { forgetBookChanges, loadRecentCloses, readBookChanges, type BookChanges } from "./book-loader";
import { planSnapshot, type FullBookRef } from "./book-delta";
import { loadBalancesInto, loadFullBook, type EngineState, type RecordedBook } from "./book-state";
import { EwmaVolatility } from "./ewma-volatility";
import { revalueBook, statusOfCode, STATUS_CODE, type BookFigures } from "./revalue-book";
import { decideTick, type OpenCall, type TickDecisions } from "./tick-decisions";
import { persistTick } from "./tick-store";
import { domainLog } from "../../log";
import type { RiskTickEvent } from "./tick-event";

export type { RiskTickEvent } from "./tick-event";

export const RISK_TICK_TOPIC = "risk:tick";
export const RISK_FLAGGED_TOPIC = "risk:flagged";

interface Deps {
  prisma: PrismaClient;
  sql: SqlSession;
  volatility: VolatilitySource;
  overrides: SymbolRiskOverrides;
  bus?: EventBus;
}

export class RiskEngine {
  /** The last committed state; replaced as a whole, never mutated in place. */
  private state: EngineState | null = null;
  private readonly openCalls = new Map<string, OpenCall>();
  private ewma = new EwmaVolatility();
  private lastBarTs = 0;
  private params: { version: number; params: RiskParams } | null = null;
  /** The last full book stored (deltas refer to it); null after a start, so the first book is full. */
  private lastFull: FullBookRef | null = null;
  /** Ticks and refreshes run one at a time, so a refresh never swaps in a book a tick then overwrites. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: Deps) {}

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Loads the book, last prices, EWMA seed, stored statuses and open margin calls. */
  async load(): Promise<void> {
    const changes = await readBookChanges(this.deps.sql);
    const loaded = await loadFullBook(this.deps.sql, null);
    this.lastBarTs = Math.max(this.lastBarTs, loaded.lastBarTs);
    for (const r of await loadRecentCloses(this.deps.sql, 60)) this.ewma.update(r.symbolCode, r.close);
    const states = await this.deps.prisma.accountRiskState.findMany({ select: { accountId: true, status: true } });
    for (const st of states) {
      const a = loaded.book.accountIndex.get(st.accountId);
      if (a !== undefined) loaded.previous[a] = STATUS_CODE[st.status as RiskStatus] ?? 0;
    }
    const calls = await this.deps.prisma.marginCall.findMany({ where: { status: { in: ["OPEN", "ESCALATED"] } } });
    for (const c of calls) {
      this.openCalls.set(c.accountId, {
        id: c.id,
        accountId: c.accountId,
        deadline: c.deadline.getTime(),
        escalated: c.status === "ESCALATED",
        worstStatus: c.worstStatus as RiskStatus,
      });
    }
    this.params = await getActiveParams(this.deps.prisma);
    // The change rows stay: only the ticking instance consumes them (its first tick reloads once more).
    this.state = {
      book: loaded.book,
      prices: loaded.prices,
      previous: loaded.previous,
      bookVersion: changes.version,
      recorded: null,
      last: null,
    };
    this.revalueNow();
  }

  /** Web-only instances (ENGINE=off): re-read book, last closes and parameters, then revalue. */
  async refreshFromDatabase(): Promise<void> {
    await this.exclusive(async () => {
      // Reads the change rows without deleting them: they belong to the instance that ticks.
      const changes = await readBookChanges(this.deps.sql);
      const loaded = await loadFullBook(this.deps.sql, null);
      this.lastBarTs = Math.max(this.lastBarTs, loaded.lastBarTs);
      this.params = await getActiveParams(this.deps.prisma);
      this.state = {
        book: loaded.book,
        prices: loaded.prices,
        previous: loaded.previous,
        bookVersion: changes.version,
        recorded: null,
        last: this.state?.last ?? null,
      };
      this.revalueNow();
    });
  }

  /**
   * After fills, deposits or corrections committed outside the tick (the liquidation executor):
   * reloads the book at once if its version moved and revalues at the last prices, so readers see
   * the new positions before the next bar close. Decides nothing (the next tick does).
   */
  async refreshBook(): Promise<void> {
    await this.exclusive(async () => {
      const base = this.requireState();
      const changes = await readBookChanges(this.deps.sql);
      const next = await this.nextBook(base, changes);
      if (!next) return;
      this.state = { ...base, ...next, bookVersion: Math.max(base.bookVersion, changes.version) };
      this.revalueNow();
      await forgetBookChanges(this.deps.sql, changes.ids);
    });
  }

  /** The book version (highest BookChange id) the current figures include. */
  bookVersion(): number {
    return this.state?.bookVersion ?? 0;
  }

  /** Live figures from the current prices without deciding or persisting (start-up, ENGINE=off reads). */
  revalueNow(): void {
    const st = this.requireState();
    const { version, params } = this.params ?? { version: 1, params: DEFAULT_RISK_PARAMS };
    const mkt = this.buildMarketVectors(st.book, st.prices, this.ewma);
    const figures = revalueBook(st.book, mkt, params);
    const minuteTs = st.last?.minuteTs ?? this.lastBarTs;
    const event: RiskTickEvent = {
      minuteTs,
      paramVersion: version,
      counts: figures.counts,
      changes: 0,
      revalueMs: 0,
      persistMs: 0,
    };
    this.state = { ...st, last: { minuteTs, figures, version, event, mkt } };
  }

  private requireState(): EngineState {
    if (!this.state) throw new Error("risk engine: book not loaded");
    return this.state;
  }

  /** The next book when its version moved (new arrays), or null when nothing changed. */
  private async nextBook(
    base: EngineState,
    changes: BookChanges,
  ): Promise<Pick<EngineState, "book" | "prices" | "previous" | "recorded"> | null> {
    if (!changes.book && !changes.balances) return null;
    if (!changes.book) {
      const book = await loadBalancesInto(this.deps.sql, base.book);
      if (book) return { book, prices: base.prices, previous: base.previous, recorded: null };
    }
    const loaded = await loadFullBook(this.deps.sql, base);
    return { book: loaded.book, prices: loaded.prices, previous: loaded.previous, recorded: null };
  }

  /** The market vectors of this tick in book order (recorded with the tick for replay). */
  private buildMarketVectors(book: BookColumns, prices: Float64Array, ewma: EwmaVolatility) {
    const n = book.symbols.length;
    const sigmas = new Float64Array(n);
    const multipliers = new Float64Array(n);
    const recorded: Record<string, number> = {};
    const { volatility, overrides } = this.deps;
    for (let s = 0; s < n; s += 1) {
      const code = book.symbols[s] ?? "";
      sigmas[s] = volatility.sigma(code) ?? ewma.sigma(code) ?? 0;
      const k = overrides.marginMultiplier(code);
      multipliers[s] = k;
      if (k !== 1) recorded[code] = k;
    }
    return {
      prices: prices.slice(),
      sigmas,
      multipliers,
      recorded: Object.keys(recorded).length > 0 ? recorded : null,
    };
  }

  tick(
    minuteTs: number,
    bars: ReadonlyArray<{ symbol: string; close: number }>,
  ): Promise<{ event: RiskTickEvent; decisions: TickDecisions }> {
    return this.exclusive(() => this.runTick(minuteTs, bars));
  }

  private async runTick(
    minuteTs: number,
    bars: ReadonlyArray<{ symbol: string; close: number }>,
  ): Promise<{ event: RiskTickEvent; decisions: TickDecisions }> {
    const { prisma, sql } = this.deps;
    const activated = await activateApprovedParams(prisma, minuteTs);
    if (activated !== null || !this.params) this.params = await getActiveParams(prisma);
    const { version, params } = this.params;
    const base = this.requireState();
    const changes = await readBookChanges(sql);
    const { book, prices: basePrices, previous, recorded: baseRecorded } = (await this.nextBook(base, changes)) ?? base;
    const prices = basePrices.slice();
    const ewma = this.ewma.clone();
    for (const bar of bars) {
      const s = book.symbolIndex.get(bar.symbol);
      if (s !== undefined && bar.close > 0) prices[s] = bar.close;
      ewma.update(bar.symbol, bar.close);
    }
    const mkt = this.buildMarketVectors(book, prices, ewma);
    const t0 = performance.now();
    const figures = revalueBook(book, mkt, params);
    const revalueMs = performance.now() - t0;
    const decisions = decideTick({
      accountIds: book.accountIds,
      previous,
      figures,
      openCalls: this.openCalls,
      closeTs: minuteTs + 60_000,
      warningLine: params.lines.warning,
      marginCallMinutes: params.marginCallMinutes ?? DEFAULT_MARGIN_CALL_MINUTES,
    });
    const recorded: RecordedBook =
      baseRecorded ??
      (() => {
        const serialized = serializeBook(book);
        return { serialized, digest: digestBook(serialized), stored: false };
      })();
    const t1 = performance.now();
    const snap = recorded.stored ? null : planSnapshot(this.lastFull, book, recorded.serialized, recorded.digest);
    const openedIds = await persistTick(
      prisma,
      {
        minuteTs,
        paramVersion: version,
        bookDigest: recorded.digest,
        book: snap?.book ?? null,
        ...(snap?.delta ? { delta: snap.delta } : {}),
        prices: mkt.prices,
        sigmas: mkt.sigmas,
        multipliers: mkt.recorded,
        counts: figures.counts,
        revalueMs,
      },
      decisions,
    );
    const persistMs = performance.now() - t1;
    // Committed: from here on the new minute is what every reader sees.
    const event: RiskTickEvent = {
      minuteTs,
      paramVersion: version,
      counts: figures.counts,
      revalueMs: Math.round(revalueMs * 10) / 10,
      persistMs: Math.round(persistMs * 10) / 10,
      changes:
        decisions.changes.length + decisions.opened.length + decisions.escalated.length + decisions.closed.length,
    };
    this.ewma = ewma;
    if (snap) this.lastFull = snap.nextFull;
    this.state = {
      book,
      prices,
      previous: figures.status.slice(),
      bookVersion: Math.max(base.bookVersion, changes.version),
      recorded: { ...recorded, stored: true },
      last: { minuteTs, figures, version, event, mkt },
    };
    this.applyDecisions(decisions, openedIds);
    // Deleting the rows read is safe only now; if it fails they are simply read again next minute.
    await forgetBookChanges(sql, changes.ids).catch((err: unknown) =>
      domainLog("risk").warn({ err }, "could not clear book changes"),
    );
    this.deps.bus?.publish<RiskTickEvent>(RISK_TICK_TOPIC, event);
    const flagged = decisions.changes.filter((c) => c.to === "LIQUIDATION" || c.to === "HARD_FLOOR");
    if (flagged.length > 0)
      this.deps.bus?.publish(RISK_FLAGGED_TOPIC, {
        minuteTs,
        accounts: flagged.map((c) => ({ accountId: c.accountId, status: c.to })),
      });
    return { event, decisions };
  }

  private applyDecisions(d: TickDecisions, openedIds: string[]): void {
    d.opened.forEach((o, i) => {
      this.openCalls.set(o.accountId, {
        id: openedIds[i] ?? "",
        accountId: o.accountId,
        deadline: o.deadline,
        escalated: false,
        worstStatus: o.status,
      });
    });
    for (const e of d.escalated) {
      const c = this.openCalls.get(e.accountId);
      if (c) c.escalated = true;
    }
    for (const w of d.worsened) {
      for (const c of this.openCalls.values()) if (c.id === w.callId) c.worstStatus = w.worstStatus;
    }
    for (const c of d.closed) this.openCalls.delete(c.accountId);
  }

  lastTick(): RiskTickEvent | null {
    return this.state?.last?.event ?? null;
  }

  /** AccountRiskSource: the live figures at the last bar close. */
  snapshot(accountId: string): AccountRiskSnapshot | undefined {
    const st = this.state;
    const a = st?.book.accountIndex.get(accountId);
    if (!st?.last || a === undefined) return undefined;
    const last = st.last;
    const f = last.figures;
    const ml = f.marginLevel[a] ?? NaN;
    return {
      accountId,
      equity: f.equity[a] ?? 0,
      marketValue: f.marketValue[a] ?? 0,
      initialMargin: f.initial[a] ?? 0,
      maintenanceMargin: f.maintenance[a] ?? 0,
      marginLevel: Number.isNaN(ml) ? null : ml,
      status: statusOfCode(f.status[a] ?? 0),
      asOf: last.minuteTs + 60_000,
      parameterVersion: last.version,
    };
  }

  /** All accounts' live figures (accounts list, heatmap); null before the first tick. */
  liveFigures(): {
    book: BookColumns;
    figures: BookFigures;
    minuteTs: number;
    version: number;
    prices: Float64Array;
    sigmas: Float64Array;
    multipliers: Float64Array;
  } | null {
    const st = this.state;
    if (!st?.last) return null;
    return {
      book: st.book,
      figures: st.last.figures,
      minuteTs: st.last.minuteTs,
      version: st.last.version,
      prices: st.last.mkt.prices,
      sigmas: st.last.mkt.sigmas,
      multipliers: st.last.mkt.multipliers,
    };
  }

  currentParams(): { version: number; params: RiskParams } {
    return this.params ?? { version: 1, params: DEFAULT_RISK_PARAMS };
  }

  /** One account's inputs at the last bar close, for the pure model (per-position "why", what-if). */
  accountInput(accountId: string): (AccountInput & { minuteTs: number; version: number }) | undefined {
    const st = this.state;
    const book = st?.book;
    const a = book?.accountIndex.get(accountId);
    if (!book || a === undefined || !st?.last) return undefined;
    const { mkt, minuteTs, version } = st.last;
    const positions: AccountInput["positions"] = [];
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const k6 = mkt.multipliers[s] ?? 1;
      positions.push({
        symbol: book.symbols[s] ?? "",
        qty: book.posQty[k] ?? 0,
        price: mkt.prices[s] ?? 0,
        assetClass: book.assetClass[s] ?? "",
        liquidityTier: book.liquidityTier[s] ?? "",
        sigma: mkt.sigmas[s] ?? 0,
        adv: book.adv[s] ?? 0,
        ...(k6 !== 1 ? { marginMultiplier: k6 } : {}),
      });
    }
    return { cash: book.cash[a] ?? 0, debt: book.debt[a] ?? 0, positions, minuteTs, version };
  }
}
