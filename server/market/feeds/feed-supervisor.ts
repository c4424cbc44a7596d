// M1 feed supervisor: polls a primary and a secondary source at every engine step, detects
// staleness (nothing heard for staleMs of engine time) and divergence (last prices of a symbol
// more than divergenceBps apart), fails over to the secondary when the primary goes stale and
// fails back once the primary has been healthy for failbackMs. Every bar gets a data-quality
// flag: GAP when its minute spans a failover, fail-back or switch (prints from two sources);
// STALE when the active source was stale during the minute, the symbol diverged between sources,
// or the engine itself stalled across the minute (nobody listened: its prints are late or missing).
import type { Bar, Tick } from "../types";
import type { FeedSource } from "./feed-source";

export interface SupervisorOptions {
  staleMs: number;
  divergenceBps: number;
  failbackMs: number;
}
export const DEFAULT_SUPERVISOR_OPTIONS: SupervisorOptions = {
  staleMs: 10_000,
  divergenceBps: 100,
  failbackMs: 30_000,
};

export type FeedEventKind = "FAILOVER" | "FAILBACK" | "STALE" | "RECOVERED" | "ERROR" | "SWITCH";
export interface FeedEvent {
  ts: number;
  kind: FeedEventKind;
  source: string;
  detail: string;
}

interface SourceState {
  source: FeedSource;
  lastAliveAt: number;
  stale: boolean;
  freshSince: number;
  prices: Map<string, { price: number; ts: number }>;
  errors: number;
  lastError: string | null;
  ticks: number;
}

export interface FeedHealth {
  active: "primary" | "secondary";
  activeSource: string;
  status: "ok" | "degraded" | "down";
  options: SupervisorOptions;
  sources: Array<{
    role: "primary" | "secondary";
    id: string;
    kind: string;
    stale: boolean;
    lastAliveAt: number | null;
    ticks: number;
    errors: number;
    problem: string | null;
  }>;
  divergingSymbols: number;
  maxDivergenceBps: number;
  events: FeedEvent[];
}

const MINUTE_MS = 60_000;
/** Prints kept per symbol and minute for the mark guard's median. */
const LAST_PRINTS = 5;

function newState(source: FeedSource, now: number): SourceState {
  // A new source gets staleMs of grace before it can be called stale.
  return {
    source,
    lastAliveAt: now,
    stale: false,
    freshSince: now,
    prices: new Map(),
    errors: 0,
    lastError: null,
    ticks: 0,
  };
}

export class FeedSupervisor {
  private primary: SourceState;
  private secondary: SourceState | null;
  private active: "primary" | "secondary" = "primary";
  private readonly events: FeedEvent[] = [];
  private readonly flags = new Map<number, { gap: boolean; stale: boolean; diverging: Set<string> }>();
  /** Engine stalls [from, to] (engine time); kept apart from the per-minute flags, which a long stall would outlive. */
  private readonly stalls: Array<{ from: number; to: number }> = [];
  private lastDivergence = { count: 0, maxBps: 0 };
  private failovers = 0;
  private readonly books = new Map<string, Tick["book"]>();
  /**
   * The active source's last prints per symbol in the current and the previous minute (the liquidation
   * mark guard reads the minute that just closed after the step that crossed into the next one).
   */
  private readonly prints = new Map<string, Array<{ minute: number; prices: number[] }>>();
  readonly options: SupervisorOptions;

  constructor(
    primary: FeedSource,
    secondary: FeedSource | null,
    now: number,
    options: Partial<SupervisorOptions> = {},
  ) {
    this.options = { ...DEFAULT_SUPERVISOR_OPTIONS, ...options };
    this.primary = newState(primary, now);
    this.secondary = secondary ? newState(secondary, now) : null;
  }

  private flagsFor(now: number) {
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    let f = this.flags.get(minute);
    if (!f) {
      f = { gap: false, stale: false, diverging: new Set() };
      this.flags.set(minute, f);
      for (const k of this.flags.keys()) if (k < minute - 10 * MINUTE_MS) this.flags.delete(k);
    }
    return f;
  }

  private record(now: number, kind: FeedEventKind, source: string, detail: string): void {
    this.events.push({ ts: now, kind, source, detail });
    if (this.events.length > 50) this.events.shift();
  }

  private pollOne(s: SourceState, now: number): Tick[] {
    let ticks: Tick[] = [];
    let alive = false;
    try {
      const batch = s.source.poll(now);
      ticks = batch.ticks;
      alive = batch.alive;
    } catch (err) {
      // An outage must not stop the engine: the source just counts as silent.
      s.errors++;
      s.lastError = err instanceof Error ? err.message : String(err);
      if (s.errors === 1 || s.errors % 100 === 0) this.record(now, "ERROR", s.source.id, s.lastError);
    }
    if (alive) s.lastAliveAt = now;
    s.ticks += ticks.length;
    for (const t of ticks) s.prices.set(t.symbol, { price: t.price, ts: now });
    const stale = now - s.lastAliveAt > this.options.staleMs;
    if (stale && !s.stale)
      this.record(now, "STALE", s.source.id, `nothing heard for ${Math.round((now - s.lastAliveAt) / 1000)} s`);
    if (!stale && s.stale) {
      s.freshSince = now;
      this.record(now, "RECOVERED", s.source.id, "prints again");
    }
    s.stale = stale;
    return ticks;
  }

  /** One engine step: the active source's prints, after failover / fail-back decisions. */
  poll(now: number): Tick[] {
    const pTicks = this.pollOne(this.primary, now);
    const sTicks = this.secondary ? this.pollOne(this.secondary, now) : [];
    const flags = this.flagsFor(now);
    const sec = this.secondary;
    if (this.active === "primary" && this.primary.stale && sec && !sec.stale) {
      this.active = "secondary";
      this.failovers++;
      flags.gap = true;
      this.record(now, "FAILOVER", sec.source.id, `primary ${this.primary.source.id} stale`);
    } else if (
      this.active === "secondary" &&
      sec &&
      !this.primary.stale &&
      now - this.primary.freshSince >= this.options.failbackMs
    ) {
      this.active = "primary";
      flags.gap = true;
      this.record(
        now,
        "FAILBACK",
        this.primary.source.id,
        `healthy for ${Math.round((now - this.primary.freshSince) / 1000)} s`,
      );
    }
    const [act, other] = this.active === "primary" ? [this.primary, sec] : [sec ?? this.primary, this.primary];
    const ticks = this.active === "primary" ? pTicks : sTicks;
    if (act.stale) flags.stale = true;
    for (const t of ticks) {
      this.books.set(t.symbol, t.book);
      const minute = Math.floor(t.ts / MINUTE_MS) * MINUTE_MS;
      const kept = this.prints.get(t.symbol) ?? [];
      const cur = kept[kept.length - 1];
      if (cur?.minute === minute) {
        if (cur.prices.push(t.price) > LAST_PRINTS) cur.prices.shift();
      } else this.prints.set(t.symbol, [...kept.slice(-1), { minute, prices: [t.price] }]);
    }
    if (other && other !== act) this.checkDivergence(ticks, other, now, flags.diverging);
    return ticks;
  }

  private checkDivergence(ticks: Tick[], other: SourceState, now: number, out: Set<string>): void {
    let count = 0;
    let maxBps = 0;
    const seen = new Set<string>();
    for (const t of ticks) {
      if (seen.has(t.symbol)) continue;
      seen.add(t.symbol);
      const o = other.prices.get(t.symbol);
      if (!o || now - o.ts > this.options.staleMs) continue;
      const bps = (Math.abs(t.price - o.price) / o.price) * 1e4;
      if (bps > this.options.divergenceBps) {
        out.add(t.symbol);
        count++;
        maxBps = Math.max(maxBps, bps);
      }
    }
    if (ticks.length > 0) this.lastDivergence = { count, maxBps };
  }

  /** Failovers to the secondary since this supervisor started (the events list keeps only the last 50). */
  failoverCount(): number {
    return this.failovers;
  }

  /** The active source's last book of a symbol (depth snapshots, M3). */
  lastBook(symbol: string): Tick["book"] | undefined {
    return this.books.get(symbol);
  }

  /**
   * What confirms a closed bar's close (the liquidation mark guard): the other source's latest price
   * when it was heard since the minute began (null without a second source, or when it is stale), and
   * the active source's last prints of that minute.
   */
  markEvidence(symbol: string, minuteTs: number, now: number): { secondaryPrice: number | null; lastPrints: number[] } {
    const other = this.active === "primary" ? this.secondary : this.primary;
    const seen = other?.prices.get(symbol);
    // The other source's price counts for the minute when it was heard in it (or since) from a live source.
    const fresh = other !== null && !other.stale && seen !== undefined && seen.ts >= minuteTs && seen.ts <= now;
    return {
      secondaryPrice: fresh ? seen.price : null,
      lastPrints: [...(this.prints.get(symbol)?.find((p) => p.minute === minuteTs)?.prices ?? [])],
    };
  }

  /** The engine did not poll between from and to: every minute the stall touches is flagged STALE. */
  noteStall(from: number, to: number, now: number): void {
    this.stalls.push({ from, to });
    if (this.stalls.length > 20) this.stalls.shift();
    this.record(now, "STALE", "engine", `engine stalled for ${Math.round((to - from) / 1000)} s`);
  }

  private stalledDuring(minuteTs: number): boolean {
    return this.stalls.some((s) => s.from < minuteTs + MINUTE_MS && s.to >= minuteTs);
  }

  /** M1 data-quality flag of a closed bar (by its minute). */
  qualityFor(bar: Bar): Bar["quality"] {
    const f = this.flags.get(bar.ts);
    if (f?.gap) return "GAP";
    if (f?.stale || f?.diverging.has(bar.symbol) || this.stalledDuring(bar.ts)) return "STALE";
    return bar.quality;
  }

  /** ADMIN switch: new sources take over at once (the minute is flagged GAP). */
  setSources(primary: FeedSource, secondary: FeedSource | null, now: number): void {
    for (const s of [this.primary, this.secondary]) {
      if (s && s.source !== primary && s.source !== secondary) s.source.close?.();
    }
    const keep = (src: FeedSource) =>
      [this.primary, this.secondary].find((s) => s?.source === src) ?? newState(src, now);
    this.primary = keep(primary);
    this.secondary = secondary ? keep(secondary) : null;
    this.active = "primary";
    this.flagsFor(now).gap = true;
    this.record(now, "SWITCH", primary.id, `primary ${primary.id}, secondary ${secondary?.id ?? "none"}`);
  }

  sources(): { primary: FeedSource; secondary: FeedSource | null } {
    return { primary: this.primary.source, secondary: this.secondary?.source ?? null };
  }

  activeSource(): FeedSource {
    return this.active === "primary" ? this.primary.source : (this.secondary ?? this.primary).source;
  }

  health(): FeedHealth {
    const act = this.active === "primary" ? this.primary : (this.secondary ?? this.primary);
    const view = (role: "primary" | "secondary", s: SourceState) => ({
      role,
      id: s.source.id,
      kind: s.source.kind,
      stale: s.stale,
      lastAliveAt: s.lastAliveAt,
      ticks: s.ticks,
      errors: s.errors,
      problem: s.source.problem() ?? s.lastError,
    });
    const both = [view("primary", this.primary), ...(this.secondary ? [view("secondary", this.secondary)] : [])];
    return {
      active: this.active,
      activeSource: act.source.id,
      status: act.stale
        ? "down"
        : this.active === "secondary" || both.some((s) => s.stale) || this.lastDivergence.count > 0
          ? "degraded"
          : "ok",
      options: this.options,
      sources: both,
      divergingSymbols: this.lastDivergence.count,
      maxDivergenceBps: Math.round(this.lastDivergence.maxBps * 10) / 10,
      events: [...this.events].reverse(),
    };
  }
}
