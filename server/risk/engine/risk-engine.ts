// The minute tick (R4), stateful part: holds the columnar book and the market vectors in memory,
// and at each bar close activates an approved parameter version, refreshes balances (and the
// positions when their signature changed), revalues and classifies every account, decides status
// changes and margin calls, persists only those in one transaction, and publishes "risk:tick".
// Volatility: the market monitoring service's sigma when it has one for the symbol (issue 3),
// else this engine's own EWMA of the closed bars it receives (seeded from the last hour of bars).
import type { SqlSession } from "../../db/connection";
import type { PrismaClient } from "../../db/generated/client";
import type { EventBus } from "../../engine/event-bus";
import type { AccountRiskSnapshot, Services } from "../../services";
import type { AccountInput } from "../margin/margin-model";
import { DEFAULT_MARGIN_CALL_MINUTES, DEFAULT_RISK_PARAMS, type RiskParams, type RiskStatus } from "../margin/risk-params";
import { activateApprovedParams, getActiveParams } from "../params/param-service";
import { buildBookColumns, digestBook, serializeBook, type BookColumns, type SerializedBook } from "./book-columns";
import { loadBalances, loadBookRows, loadPositionSignature, loadRecentCloses } from "./book-loader";
import { EwmaVolatility } from "./ewma-volatility";
import { revalueBook, statusOfCode, STATUS_CODE, type BookFigures, type MarketVectors } from "./revalue-book";
import { decideTick, type OpenCall, type TickDecisions } from "./tick-decisions";
import { persistTick } from "./tick-store";

export const RISK_TICK_TOPIC = "risk:tick";
export const RISK_FLAGGED_TOPIC = "risk:flagged";

export interface RiskTickEvent {
  minuteTs: number;
  paramVersion: number;
  counts: Record<RiskStatus, number>;
  changes: number;
  revalueMs: number;
  persistMs: number;
}

interface Deps {
  prisma: PrismaClient;
  sql: SqlSession;
  services: Services;
  bus?: EventBus;
}

export class RiskEngine {
  private book: BookColumns | null = null;
  private serialized: SerializedBook | null = null;
  private digest = "";
  private digestStored = false;
  private positionSignature = "";
  private prices = new Float64Array(0);
  private previous = new Uint8Array(0);
  private readonly openCalls = new Map<string, OpenCall>();
  private readonly ewma = new EwmaVolatility();
  private lastBarTs = 0;
  private params: { version: number; params: RiskParams } | null = null;
  private last: { minuteTs: number; figures: BookFigures; version: number; event: RiskTickEvent; mkt: MarketVectors } | null = null;

  constructor(private readonly deps: Deps) {}

  /** Loads the book, last prices, EWMA seed, stored statuses and open margin calls. */
  async load(): Promise<void> {
    await this.reloadBook();
    for (const r of await loadRecentCloses(this.deps.sql, 60)) this.ewma.update(r.symbolCode, r.close);
    const states = await this.deps.prisma.accountRiskState.findMany({ select: { accountId: true, status: true } });
    const book = this.requireBook();
    for (const s of states) {
      const a = book.accountIndex.get(s.accountId);
      if (a !== undefined) this.previous[a] = STATUS_CODE[s.status as RiskStatus] ?? 0;
    }
    const calls = await this.deps.prisma.marginCall.findMany({ where: { status: { in: ["OPEN", "ESCALATED"] } } });
    for (const c of calls) {
      this.openCalls.set(c.accountId, {
        id: c.id, accountId: c.accountId, deadline: c.deadline.getTime(), escalated: c.status === "ESCALATED", worstStatus: c.worstStatus as RiskStatus,
      });
    }
    this.params = await getActiveParams(this.deps.prisma);
    this.revalueNow();
  }

  /** Web-only instances (ENGINE=off): re-read book, last closes and parameters, then revalue. */
  async refreshFromDatabase(): Promise<void> {
    this.book = null;
    await this.reloadBook();
    this.params = await getActiveParams(this.deps.prisma);
    this.revalueNow();
  }

  /** Live figures from the current prices without deciding or persisting (start-up, ENGINE=off reads). */
  revalueNow(): void {
    const book = this.requireBook();
    const { version, params } = this.params ?? { version: 1, params: DEFAULT_RISK_PARAMS };
    const mkt = this.buildMarketVectors(book);
    const figures = revalueBook(book, mkt, params);
    const minuteTs = this.last?.minuteTs ?? this.lastBarTs;
    const event: RiskTickEvent = { minuteTs, paramVersion: version, counts: figures.counts, changes: 0, revalueMs: 0, persistMs: 0 };
    this.last = { minuteTs, figures, version, event, mkt };
  }

  /** Reloads positions and balances (cheap at demo sizes; call after trades or corrections). */
  async reloadBook(): Promise<void> {
    const rows = await loadBookRows(this.deps.sql);
    const old = this.book;
    const oldPrevious = this.previous;
    const book = buildBookColumns(rows.symbols, rows.accounts);
    const prices = new Float64Array(book.symbols.length);
    const closes = await this.deps.sql.query<{ symbolCode: string; close: number; ts: Date | string }>(
      `SELECT DISTINCT ON ("symbolCode") "symbolCode", close, ts FROM "Bar1m" ORDER BY "symbolCode", ts DESC`,
    );
    for (const c of closes) this.lastBarTs = Math.max(this.lastBarTs, new Date(c.ts).getTime());
    const lastClose = new Map(closes.map((c) => [c.symbolCode, Number(c.close)]));
    rows.symbols.forEach((s) => {
      const i = book.symbolIndex.get(s.code) ?? 0;
      const oldI = old?.symbolIndex.get(s.code);
      prices[i] = (oldI !== undefined ? this.prices[oldI] : undefined) ?? lastClose.get(s.code) ?? s.prevClose;
    });
    this.previous = new Uint8Array(book.accountIds.length);
    if (old) book.accountIds.forEach((id, a) => (this.previous[a] = oldPrevious[old.accountIndex.get(id) ?? -1] ?? 0));
    this.book = book;
    this.prices = prices;
    this.positionSignature = await loadPositionSignature(this.deps.sql);
    this.markBookChanged();
  }

  private markBookChanged(): void {
    this.serialized = null;
    this.digest = "";
    this.digestStored = false;
  }

  private requireBook(): BookColumns {
    if (!this.book) throw new Error("risk engine: book not loaded");
    return this.book;
  }

  /** Balances every tick (deposits/withdrawals move cash); positions when their signature moved. */
  private async refreshBook(): Promise<void> {
    if ((await loadPositionSignature(this.deps.sql)) !== this.positionSignature) return this.reloadBook();
    const book = this.requireBook();
    const rows = await loadBalances(this.deps.sql);
    if (rows.length !== book.accountIds.length) return this.reloadBook();
    let changed = false;
    for (const r of rows) {
      const a = book.accountIndex.get(r.id);
      if (a === undefined) return this.reloadBook();
      if (book.cash[a] !== r.cash || book.debt[a] !== r.debt) {
        book.cash[a] = r.cash;
        book.debt[a] = r.debt;
        changed = true;
      }
    }
    if (changed) this.markBookChanged();
  }

  /** The market vectors of this tick in book order (recorded with the tick for replay). */
  private buildMarketVectors(book: BookColumns) {
    const n = book.symbols.length;
    const sigmas = new Float64Array(n);
    const multipliers = new Float64Array(n);
    const recorded: Record<string, number> = {};
    const { volatility, symbolOverrides } = this.deps.services;
    for (let s = 0; s < n; s += 1) {
      const code = book.symbols[s] ?? "";
      sigmas[s] = volatility?.sigma(code) ?? this.ewma.sigma(code) ?? 0;
      const k = symbolOverrides?.marginMultiplier(code) ?? 1;
      multipliers[s] = k;
      if (k !== 1) recorded[code] = k;
    }
    return { prices: this.prices.slice(), sigmas, multipliers, recorded: Object.keys(recorded).length > 0 ? recorded : null };
  }

  async tick(minuteTs: number, bars: ReadonlyArray<{ symbol: string; close: number }>): Promise<{ event: RiskTickEvent; decisions: TickDecisions }> {
    const { prisma } = this.deps;
    const activated = await activateApprovedParams(prisma, minuteTs);
    if (activated !== null || !this.params) this.params = await getActiveParams(prisma);
    const { version, params } = this.params;
    await this.refreshBook();
    const book = this.requireBook();
    for (const bar of bars) {
      const s = book.symbolIndex.get(bar.symbol);
      if (s !== undefined && bar.close > 0) this.prices[s] = bar.close;
      this.ewma.update(bar.symbol, bar.close);
    }
    const mkt = this.buildMarketVectors(book);
    const t0 = performance.now();
    const figures = revalueBook(book, mkt, params);
    const revalueMs = performance.now() - t0;
    const decisions = decideTick({
      accountIds: book.accountIds, previous: this.previous, figures, openCalls: this.openCalls, closeTs: minuteTs + 60_000,
      warningLine: params.lines.warning, marginCallMinutes: params.marginCallMinutes ?? DEFAULT_MARGIN_CALL_MINUTES,
    });
    if (!this.serialized) {
      this.serialized = serializeBook(book);
      this.digest = digestBook(this.serialized);
    }
    const t1 = performance.now();
    const openedIds = await persistTick(prisma, {
      minuteTs, paramVersion: version, bookDigest: this.digest, book: this.digestStored ? null : this.serialized,
      prices: mkt.prices, sigmas: mkt.sigmas, multipliers: mkt.recorded, counts: figures.counts, revalueMs,
    }, decisions);
    const persistMs = performance.now() - t1;
    this.digestStored = true;
    this.applyDecisions(decisions, openedIds, figures);
    const event: RiskTickEvent = {
      minuteTs, paramVersion: version, counts: figures.counts, revalueMs: Math.round(revalueMs * 10) / 10, persistMs: Math.round(persistMs * 10) / 10,
      changes: decisions.changes.length + decisions.opened.length + decisions.escalated.length + decisions.closed.length,
    };
    this.last = { minuteTs, figures, version, event, mkt };
    this.deps.bus?.publish<RiskTickEvent>(RISK_TICK_TOPIC, event);
    const flagged = decisions.changes.filter((c) => c.to === "LIQUIDATION" || c.to === "HARD_FLOOR");
    if (flagged.length > 0) this.deps.bus?.publish(RISK_FLAGGED_TOPIC, { minuteTs, accounts: flagged.map((c) => ({ accountId: c.accountId, status: c.to })) });
    return { event, decisions };
  }

  private applyDecisions(d: TickDecisions, openedIds: string[], figures: BookFigures): void {
    this.previous = figures.status.slice();
    d.opened.forEach((o, i) => {
      this.openCalls.set(o.accountId, { id: openedIds[i] ?? "", accountId: o.accountId, deadline: o.deadline, escalated: false, worstStatus: o.status });
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
    return this.last?.event ?? null;
  }

  /** AccountRiskSource (services.accountRisk): the live figures at the last bar close. */
  snapshot(accountId: string): AccountRiskSnapshot | undefined {
    const a = this.book?.accountIndex.get(accountId);
    if (a === undefined || !this.last) return undefined;
    const f = this.last.figures;
    const ml = f.marginLevel[a] ?? NaN;
    return {
      accountId, equity: f.equity[a] ?? 0, marketValue: f.marketValue[a] ?? 0, initialMargin: f.initial[a] ?? 0,
      maintenanceMargin: f.maintenance[a] ?? 0, marginLevel: Number.isNaN(ml) ? null : ml, status: statusOfCode(f.status[a] ?? 0),
      asOf: this.last.minuteTs + 60_000, parameterVersion: this.last.version,
    };
  }

  /** All accounts' live figures (accounts list, heatmap); null before the first tick. */
  liveFigures(): { book: BookColumns; figures: BookFigures; minuteTs: number; version: number; prices: Float64Array } | null {
    if (!this.book || !this.last) return null;
    return { book: this.book, figures: this.last.figures, minuteTs: this.last.minuteTs, version: this.last.version, prices: this.prices };
  }

  currentParams(): { version: number; params: RiskParams } {
    return this.params ?? { version: 1, params: DEFAULT_RISK_PARAMS };
  }

  /** One account's inputs at the last bar close, for the pure model (per-position "why", what-if). */
  accountInput(accountId: string): (AccountInput & { minuteTs: number; version: number }) | undefined {
    const book = this.book;
    const a = book?.accountIndex.get(accountId);
    if (!book || a === undefined || !this.last) return undefined;
    const { mkt } = this.last;
    const positions: AccountInput["positions"] = [];
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const k6 = mkt.multipliers[s] ?? 1;
      positions.push({
        symbol: book.symbols[s] ?? "", qty: book.posQty[k] ?? 0, price: mkt.prices[s] ?? 0, assetClass: book.assetClass[s] ?? "",
        liquidityTier: book.liquidityTier[s] ?? "", sigma: mkt.sigmas[s] ?? 0, adv: book.adv[s] ?? 0, ...(k6 !== 1 ? { marginMultiplier: k6 } : {}),
      });
    }
    return { cash: book.cash[a] ?? 0, debt: book.debt[a] ?? 0, positions, minuteTs: this.last.minuteTs, version: this.last.version };
  }
}
