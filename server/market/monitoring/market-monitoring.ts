// The market monitoring runtime (M4-M6): at every minute close it updates each symbol's
// indicators and detectors, stores depth snapshots, persists alerts and the actions the rules
// take, pushes them to browsers, and measures bar close -> persisted and pushed. It also serves
// the margin model (volatility, symbol overrides) and the ADMIN's feed switch and drills.
import type { SqlSession } from "../../db/connection";
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEvent } from "../../audit/audit-service";
import type { EventBus } from "../../engine/event-bus";
import { onConfigChange, publishConfigChange } from "../../engine/config-events";
import { domainLog } from "../../log";
import type { MarketEngine, MinuteCloseContext } from "../../engine/market-engine";
import { ActionCache, type RuleView } from "./alert-rules";
import {
  loadActiveActions,
  loadRules,
  persistAlarms,
  recordLatency,
  revokeAction,
  type ActionDto,
  type AlertDto,
} from "./alert-store";
import { applyRetention, getRetention, insertDepthSnapshots, type DepthRow } from "./depth-store";
import { DRILL_TOPIC, DrillScheduler, runDrill, type DrillInput, type DrillStartedEvent } from "./drills";
import { buildSource, type FeedChoice } from "./feed-admin";
import { MonitorBook } from "./monitor-book";
import type { Alarm } from "./symbol-monitor";

export const ALERT_TOPIC = "market:alerts";
export interface AlertEvent {
  minuteTs: number;
  alerts: AlertDto[];
  actions: ActionDto[];
  latencyMs: number; // bar close -> alerts and actions persisted, at the moment of the push
}

const COOLDOWN_MS = 5 * 60_000; // one alert per symbol and kind per five minutes of bars
const WARMUP_MINUTES = 60;
const RETENTION_EVERY_MINUTES = 60;

export class MarketMonitoring {
  readonly book = new MonitorBook();
  readonly overrides = new ActionCache();
  readonly drills = new DrillScheduler();
  private rules: RuleView[] = [];
  private readonly lastAlert = new Map<string, number>();
  private readonly latencies: number[] = [];
  private minutes = 0;
  last: { minuteTs: number; bars: number; alerts: number; actions: number; latencyMs: number; hookMs: number } | null =
    null;

  constructor(
    private readonly deps: { prisma: PrismaClient; sql: SqlSession; bus: EventBus; engine: MarketEngine | null },
  ) {}

  async init(): Promise<void> {
    await this.reloadRules();
    await this.reloadActions();
    // Another instance changed a rule or an action: reload from the database (issue 14).
    onConfigChange(this.deps.bus, (e) => {
      const reload = e.kind === "rules" ? this.reloadRules() : e.kind === "actions" ? this.reloadActions() : null;
      void reload?.catch((err: unknown) => domainLog("market").error({ err, kind: e.kind }, "config reload failed"));
    });
    // Warm the detectors from stored bars so they do not start cold after a restart.
    const rows = await this.deps.sql.query<{
      symbolCode: string;
      ts: Date | string;
      open: number;
      high: number;
      low: number;
      close: number;
      volume: number;
      spreadBps: number;
      bidDepth: number;
      askDepth: number;
      imbalance: number;
    }>(
      `SELECT "symbolCode", ts, open, high, low, close, volume, "spreadBps", "bidDepth", "askDepth", imbalance FROM "Bar1m"
       WHERE ts >= (SELECT max(ts) FROM "Bar1m") - make_interval(mins => $1) ORDER BY ts, "symbolCode"`,
      [WARMUP_MINUTES],
    );
    this.book.warmUp(
      rows.map((r) => ({
        symbol: r.symbolCode,
        ts: new Date(r.ts).getTime(),
        open: Number(r.open),
        high: Number(r.high),
        low: Number(r.low),
        close: Number(r.close),
        volume: Number(r.volume),
        turnover: 0,
        vwap: Number(r.close),
        trades: 0,
        spreadBps: Number(r.spreadBps),
        bidDepth: Number(r.bidDepth),
        askDepth: Number(r.askDepth),
        imbalance: Number(r.imbalance),
        quality: "OK",
      })),
    );
  }

  async reloadActions(): Promise<void> {
    this.overrides.replace(await loadActiveActions(this.deps.prisma, new Date()));
  }

  /** Revokes an action here and tells every other instance (the engine's margin model included). */
  async revokeAction(actor: { id: string; email: string }, id: string): Promise<ActionDto> {
    const action = await revokeAction(this.deps.prisma, actor, id);
    this.overrides.remove(id);
    publishConfigChange(this.deps.bus, { kind: "actions", op: "revoked", id });
    return action;
  }

  async reloadRules(): Promise<void> {
    this.rules = await loadRules(this.deps.prisma);
  }

  private throttle(alarms: Alarm[]): Alarm[] {
    return alarms.filter((a) => {
      const key = `${a.symbol}|${a.kind}`;
      const last = this.lastAlert.get(key);
      if (last !== undefined && a.ts - last < COOLDOWN_MS) return false;
      this.lastAlert.set(key, a.ts);
      return true;
    });
  }

  /** The minute-close hook (runs before the risk tick, so sigma and overrides are current). */
  async onMinuteClose(ctx: MinuteCloseContext): Promise<AlertEvent> {
    const t0 = performance.now();
    const { prisma, sql, bus, engine } = this.deps;
    const alarms = this.throttle(this.book.processBars(ctx.bars));
    if (engine) {
      this.drills.apply(engine);
      const depth: DepthRow[] = [];
      for (const bar of ctx.bars) {
        const book = engine.feeds().lastBook(bar.symbol);
        if (book && book.bids.length + book.asks.length > 0) depth.push({ symbol: bar.symbol, ts: bar.ts, book });
      }
      await insertDepthSnapshots(sql, depth);
    }
    const now = Date.now();
    const persisted = await persistAlarms(prisma, {
      alarms,
      rules: this.rules,
      active: this.overrides.active(),
      now,
      minuteTs: ctx.minuteTs,
    });
    this.overrides.add(
      persisted.actions.map((a) => ({
        id: a.id,
        symbolCode: a.symbol,
        ruleId: a.ruleId,
        action: a.action,
        multiplier: a.multiplier,
        expiresAt: a.expiresAt,
      })),
    );
    // Web instances apply the new margin multipliers and buy restrictions too (payment checks).
    if (persisted.actions.length > 0) publishConfigChange(this.deps.bus, { kind: "actions", op: "added" });
    const latencyMs = Date.now() - ctx.closedAt;
    const event: AlertEvent = {
      minuteTs: ctx.minuteTs,
      alerts: persisted.alerts.map((a) => ({ ...a, latencyMs })),
      actions: persisted.actions.map((a) => ({ ...a, latencyMs })),
      latencyMs,
    };
    bus.publish<AlertEvent>(ALERT_TOPIC, event);
    await recordLatency(prisma, persisted, latencyMs);
    this.latencies.push(latencyMs);
    if (this.latencies.length > 240) this.latencies.shift();
    this.minutes++;
    if (this.minutes % RETENTION_EVERY_MINUTES === 0)
      await applyRetention(sql, await getRetention(prisma), ctx.minuteTs);
    this.last = {
      minuteTs: ctx.minuteTs,
      bars: ctx.bars.length,
      alerts: event.alerts.length,
      actions: event.actions.length,
      latencyMs,
      hookMs: Math.round((performance.now() - t0) * 10) / 10,
    };
    return event;
  }

  /** Bar close -> alerts and actions persisted and pushed, over the last minutes (M6). */
  latencyStats() {
    const xs = [...this.latencies].sort((a, b) => a - b);
    const q = (p: number) =>
      xs.length === 0 ? null : (xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? null);
    return {
      samples: xs.length,
      p50: q(0.5),
      p95: q(0.95),
      max: xs.length ? (xs[xs.length - 1] ?? null) : null,
      last: this.last,
    };
  }

  async runDrill(actor: { id: string; email: string }, input: DrillInput) {
    const result = runDrill(this.deps.engine, this.drills, input);
    await appendAuditEvent(this.deps.prisma, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "market.drillRun",
      targetType: "drill",
      targetId: input.kind,
      after: { ...input, ...result },
    });
    this.deps.bus.publish<DrillStartedEvent>(DRILL_TOPIC, { input, result, actor });
    return result;
  }

  async switchFeeds(
    actor: { id: string; email: string },
    input: { primary: FeedChoice; secondary: FeedChoice | null; wsUrl?: string },
  ) {
    const engine = this.deps.engine;
    if (!engine) return null;
    const before = engine.feeds().health();
    const primary = buildSource(engine, input.primary, input.wsUrl);
    const secondary = input.secondary ? buildSource(engine, input.secondary, input.wsUrl) : null;
    engine.feeds().setSources(primary, secondary, engine.now());
    await appendAuditEvent(this.deps.prisma, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "market.feedSwitched",
      targetType: "feed",
      targetId: input.primary,
      before: { sources: before.sources.map((s) => `${s.role}:${s.id}`) },
      after: { primary: input.primary, secondary: input.secondary, wsUrl: input.wsUrl ?? null },
    });
    return engine.feeds().health();
  }
}
