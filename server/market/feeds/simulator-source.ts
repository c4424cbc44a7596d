// M1/M2: the simulator as a feed. One SimulatorHub steps the simulated market once per engine step
// (the market exists whichever feed is active: drills and fills use it); any number of "vendor"
// sources read the same prints. A vendor can be cut off (feed-outage drill) to exercise failover.
import type { MarketSimulator } from "../simulator/market-simulator";
import type { Tick } from "../types";
import type { FeedBatch, FeedSource } from "./feed-source";

export class SimulatorHub {
  private lastNow = NaN;
  private lastTicks: Tick[] = [];
  constructor(readonly sim: MarketSimulator) {}

  /** Steps the simulator to now (once per distinct now) and returns that step's prints. */
  advance(now: number): Tick[] {
    if (now !== this.lastNow) {
      this.lastNow = now;
      this.lastTicks = this.sim.step(now);
    }
    return this.lastTicks;
  }
}

export class SimulatorFeedSource implements FeedSource {
  readonly kind = "simulator" as const;
  /** Until this engine time the vendor delivers nothing (an outage drill). */
  outageUntil = 0;
  constructor(
    readonly id: string,
    private readonly hub: SimulatorHub,
  ) {}

  poll(now: number): FeedBatch {
    const ticks = this.hub.advance(now);
    if (now < this.outageUntil) return { ticks: [], alive: false };
    return { ticks, alive: ticks.length > 0 };
  }

  problem(): string | null {
    return this.outageUntil > 0 ? "outage drill" : null;
  }
}
