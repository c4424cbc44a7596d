// The engine runtime (DESIGN 8, R4 hook): steps the market simulator on the engine clock, takes
// its prints through the feed supervisor (M1: primary + secondary source, failover, quality
// flags), builds one-minute bars, and closes every minute in order, even after a stall: persists
// its bars, pushes them to the browsers, then runs the minute-close hooks (detectors, risk tick).
import type { SqlSession } from "../db/connection";
import { BarBuilder } from "../market/bars/bar-builder";
import { ClosedBarBuffer } from "./closed-bar-buffer";
import { insertBars } from "../market/bar-store";
import { FeedSupervisor } from "../market/feeds/feed-supervisor";
import { SimulatorFeedSource, SimulatorHub } from "../market/feeds/simulator-source";
import type { MarketSimulator } from "../market/simulator/market-simulator";
import type { Bar } from "../market/types";
import { domainLog, minuteId } from "../log";
import { metrics } from "../metrics/registry";
import type { Clock } from "./clock";
import type { EventBus } from "./event-bus";
import { FencedError, type Fence } from "./fence";

export const MINUTE_MS = 60_000;
/** Real milliseconds between simulator steps. */
const STEP_REAL_MS = 500;
/** Forming-bar updates per symbol are published at most this often (real ms). */
const FORMING_PUBLISH_MS = 500;

export interface MinuteCloseContext {
  minuteTs: number; // start of the minute that closed
  bars: Bar[]; // the closed bars of that minute (symbols that traded)
  closedAt: number; // wall-clock ms when the engine closed the minute (M6 latency is measured from here)
}
export type MinuteCloseHook = (ctx: MinuteCloseContext) => Promise<void>;

export interface BarEvent {
  kind: "forming" | "closed";
  bar: Bar;
}

export interface EngineStatus {
  running: boolean;
  speed: number;
  simTime: number;
  lastTickAt: number | null; // real ms of the last minute close
  lastTickMs: number | null; // bar close -> persisted + hooks + published
  minutesClosed: number;
  lastClosedMinuteTs: number | null; // simulated start of the last minute closed
  runningSince: number | null; // simulated time of start() (readiness: how far behind before the first close)
  lastError: string | null;
  regime: string;
  symbols: number;
  feed: { source: string; status: "ok" | "degraded" | "down" };
}

export function barTopic(symbol: string): string {
  return `bar:${symbol}`;
}
export const MINUTE_TOPIC = "minute";

export class MarketEngine {
  private readonly builder = new BarBuilder();
  private readonly pending = new ClosedBarBuffer();
  /** Engine time of the last step, to recognise a stall (nobody polled the feeds). */
  private lastStepAt: number | null = null;
  private readonly hooks: Array<{ name: string; run: MinuteCloseHook }> = [];
  private readonly log = domainLog("engine");
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stepping: Promise<void> = Promise.resolve();
  private currentMinute: number;
  private lastFormingPublish = 0;
  private readonly stats = {
    lastTickAt: null as number | null,
    lastTickMs: null as number | null,
    minutesClosed: 0,
    lastClosedMinuteTs: null as number | null,
    runningSince: null as number | null,
    lastError: null as string | null,
  };

  private readonly hub: SimulatorHub;
  private readonly supervisor: FeedSupervisor;

  constructor(
    private readonly deps: {
      sim: MarketSimulator;
      clock: Clock;
      bus: EventBus;
      sql: SqlSession;
      /** PostgreSQL: the leader's fencing token; each minute's bars commit only while the epoch is ours. */
      fence?: Fence;
      /** Called once when a tick found the epoch taken over (the engine has stopped itself). */
      onFenced?: (err: FencedError) => void;
      /** Default: two simulator vendors ("sim-a" primary, "sim-b" secondary) reading one market. */
      feeds?: (hub: SimulatorHub) => FeedSupervisor;
    },
  ) {
    this.currentMinute = Math.floor(deps.clock.now() / MINUTE_MS) * MINUTE_MS;
    this.hub = new SimulatorHub(deps.sim);
    this.supervisor =
      deps.feeds?.(this.hub) ??
      new FeedSupervisor(
        new SimulatorFeedSource("sim-a", this.hub),
        new SimulatorFeedSource("sim-b", this.hub),
        deps.clock.now(),
      );
  }

  /** The simulated market (drills, fills). */
  simulator(): MarketSimulator {
    return this.deps.sim;
  }
  simulatorHub(): SimulatorHub {
    return this.hub;
  }
  feeds(): FeedSupervisor {
    return this.supervisor;
  }
  now(): number {
    return this.deps.clock.now();
  }

  /** Later issues register their minute-tick work here (R4, M5, M6). */
  onMinuteClose(hook: MinuteCloseHook, name = `hook-${this.hooks.length + 1}`): void {
    this.hooks.push({ name, run: hook });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Minutes before this start were closed by the previous leader, or by nobody: not caught up.
    this.currentMinute = Math.floor(this.deps.clock.now() / MINUTE_MS) * MINUTE_MS;
    this.lastStepAt = null;
    this.stats.runningSince = this.deps.clock.now();
    const loop = () => {
      if (!this.running) return;
      this.stepping = this.step().catch((err: unknown) => {
        this.stats.lastError = err instanceof Error ? err.message : String(err);
        this.log.error({ err }, "engine step failed");
      });
      void this.stepping.then(() => {
        if (this.running) this.timer = setTimeout(loop, STEP_REAL_MS);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.stepping;
  }

  /** One simulator step; closes every minute whose boundary the clock crossed, oldest first. */
  async step(): Promise<void> {
    const { sim, clock, bus, sql } = this.deps;
    const now = clock.now();
    this.noteStall(now);
    // The market moves whichever feed is active; the bars are built from the supervisor's choice.
    this.hub.advance(now);
    for (const tick of this.supervisor.poll(now)) this.pending.add(this.builder.add(tick));
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    if (minute > this.currentMinute) this.pending.add(this.builder.closeUntil(minute));
    // After a stall several minutes are due: each gets its own bars and its own hooks, in order,
    // so the risk tick runs once per minute and deadlines count from that minute's close.
    if (minute - this.currentMinute > MINUTE_MS) {
      const due = (minute - this.currentMinute) / MINUTE_MS;
      metrics().minutesCaughtUp.inc(due - 1);
      this.log.warn({ minute: minuteId(this.currentMinute), due }, "catching up minutes missed in a stall");
    }
    while (this.currentMinute < minute) {
      await this.closeMinute(this.currentMinute, this.withQuality(this.pending.peek(this.currentMinute)));
      this.pending.drop(this.currentMinute);
      this.currentMinute += MINUTE_MS;
    }
    // A bar of a minute already closed (a print that reopened a quiet symbol late): stored, not re-hooked.
    const late = this.pending.takeBefore(this.currentMinute);
    if (late.length > 0) await insertBars(sql, this.withQuality(late));
    const realNow = Date.now();
    if (realNow - this.lastFormingPublish >= FORMING_PUBLISH_MS) {
      this.lastFormingPublish = realNow;
      for (const s of sim.getSymbols()) {
        const bar = this.builder.forming(s.code);
        if (bar) bus.publish<BarEvent>(barTopic(s.code), { kind: "forming", bar });
      }
    }
  }

  /** A step long after the previous one (engine time) means nobody listened: the supervisor flags those minutes. */
  private noteStall(now: number): void {
    const last = this.lastStepAt;
    this.lastStepAt = now;
    const threshold = Math.max(this.supervisor.options.staleMs, 4 * STEP_REAL_MS * this.deps.clock.speed);
    if (last !== null && now - last > threshold) this.supervisor.noteStall(last, now, now);
  }

  private withQuality(bars: readonly Bar[]): Bar[] {
    return bars.map((bar) => ({ ...bar, quality: this.supervisor.qualityFor(bar) }));
  }

  private async closeMinute(minuteTs: number, bars: Bar[]): Promise<void> {
    const m = metrics();
    const log = this.log.child({ minute: minuteId(minuteTs) });
    const started = performance.now();
    const closedAt = Date.now();
    this.stats.lastError = null;
    await this.persistFenced(bars);
    // Browsers see the bars as soon as they are stored, not after the risk tick's transaction.
    for (const bar of bars) this.deps.bus.publish<BarEvent>(barTopic(bar.symbol), { kind: "closed", bar });
    // Minute boundary -> stored and pushed, in real seconds (engine time runs CLOCK_SPEED times faster).
    m.barPushLatency.observe(
      Math.max(0, this.deps.clock.now() - (minuteTs + MINUTE_MS)) / this.deps.clock.speed / 1000,
    );
    for (const hook of this.hooks) {
      const t0 = performance.now();
      try {
        await hook.run({ minuteTs, bars, closedAt });
      } catch (err) {
        // One domain's failure must not stop the others' hooks or the bars' publication.
        this.stats.lastError = err instanceof Error ? err.message : String(err);
        m.minuteHookFailures.inc({ hook: hook.name });
        log.error({ err, hook: hook.name }, "minute-close hook failed");
      }
      m.minuteCloseHook.observe({ hook: hook.name }, (performance.now() - t0) / 1000);
    }
    const ms = performance.now() - started;
    m.minuteClose.observe(ms / 1000);
    m.minutesClosed.inc();
    this.stats.lastTickMs = Math.round(ms * 10) / 10;
    this.stats.lastTickAt = Date.now();
    this.stats.minutesClosed += 1;
    this.stats.lastClosedMinuteTs = minuteTs;
    log.debug({ bars: bars.length, ms: this.stats.lastTickMs }, "minute closed");
    this.deps.bus.publish(MINUTE_TOPIC, { minuteTs, bars: bars.length, tickMs: this.stats.lastTickMs });
  }

  /** The tick's writing transaction: on a deposed leader it rolls back, stops the engine, and throws. */
  private async persistFenced(bars: Bar[]): Promise<void> {
    const fence = this.deps.fence;
    if (!fence) {
      await insertBars(this.deps.sql, bars);
      return;
    }
    try {
      await fence.run((tx) => insertBars(tx, bars));
    } catch (err) {
      if (err instanceof FencedError) {
        this.running = false;
        if (this.timer) clearTimeout(this.timer);
        this.log.warn({ ours: err.ours, current: err.current, holder: err.holder }, "fenced off: stepping down");
        this.deps.onFenced?.(err);
      }
      throw err;
    }
  }

  forming(symbol: string): Bar | undefined {
    return this.builder.forming(symbol);
  }

  status(): EngineStatus {
    return {
      running: this.running,
      speed: this.deps.clock.speed,
      simTime: this.deps.clock.now(),
      ...this.stats,
      regime: this.deps.sim.getRegime(),
      symbols: this.deps.sim.getSymbols().length,
      feed: (() => {
        const h = this.supervisor.health();
        return { source: h.activeSource, status: h.status };
      })(),
    };
  }
}
