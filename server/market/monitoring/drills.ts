// M2/T3 drills: ADMIN injects a scenario into the live simulator. A flash crash recovers most of
// its move over the following minutes (as on 2010-05-06), so a drilled stock does not stay pinned;
// gaps and crashes persist like real news. A feed outage cuts the primary simulator vendor.
import type { MarketEngine } from "../../engine/market-engine";
import { AppError } from "../../errors";
import { SimulatorFeedSource } from "../feeds/simulator-source";

export const DRILL_KINDS = [
  "FLASH_CRASH",
  "SECTOR_GAP",
  "LIQUIDITY_CRUNCH",
  "MARKET_CRASH",
  "FEED_OUTAGE",
  "SUSPENSION",
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** Published on the bus after a drill is injected, so its response can be recorded (T3). */
export const DRILL_TOPIC = "market:drill";
export interface DrillStartedEvent {
  input: DrillInput;
  result: DrillResult;
  actor: { id: string; email: string };
}

export interface DrillInput {
  kind: DrillKind;
  symbol?: string;
  sector?: string;
  magnitude?: number; // fraction, e.g. 0.07 for -7%
  minutes?: number; // liquidity crunch / feed outage length
}

export interface DrillResult {
  kind: DrillKind;
  symbols: string[];
  returnPct: number;
  startedAt: number; // engine time
  recoveryMinutes: number;
  suspended?: boolean;
}

const STEP_REAL_MS = 500;

/** Pending recovery legs: at each minute close, one leg of log-return is applied. */
export class DrillScheduler {
  private legs: Array<{ symbols: string[]; logMove: number; remaining: number }> = [];

  schedule(symbols: string[], logMove: number, minutes: number): void {
    this.legs.push({ symbols, logMove, remaining: minutes });
  }

  /** Called at each minute close. */
  apply(engine: MarketEngine): void {
    const sim = engine.simulator();
    for (const leg of this.legs) {
      sim.injectShock({ symbols: leg.symbols, returnPct: Math.expm1(leg.logMove) });
      leg.remaining--;
    }
    this.legs = this.legs.filter((l) => l.remaining > 0);
  }

  pending(): number {
    return this.legs.length;
  }
}

export function runDrill(engine: MarketEngine | null, scheduler: DrillScheduler, input: DrillInput): DrillResult {
  if (!engine) throw new AppError("PRECONDITION_FAILED", "The market engine is not running on this server.");
  const sim = engine.simulator();
  const all = sim.getSymbols();
  if (input.kind === "SUSPENSION") {
    // Toggles a trading halt (M2): a suspended stock prints nothing (no bar is fabricated) and its
    // latent price keeps moving, so it gaps when trading resumes.
    const spec = all.find((s) => s.code === input.symbol);
    if (!spec) throw new AppError("BAD_REQUEST", "Choose a known symbol to suspend or resume.");
    sim.setSuspended(spec.code, !spec.suspended);
    return {
      kind: input.kind,
      symbols: [spec.code],
      returnPct: 0,
      startedAt: engine.now(),
      recoveryMinutes: 0,
      suspended: !spec.suspended,
    };
  }
  const specs = all.filter((s) => !s.suspended);
  const stepsPerMinute = Math.max(1, Math.round(60_000 / (STEP_REAL_MS * engine.status().speed)));
  const minutes = input.minutes ?? 5;
  const now = engine.now();
  const pick = (): string[] => {
    if (input.kind === "SECTOR_GAP" || (input.kind === "LIQUIDITY_CRUNCH" && input.sector)) {
      const s = specs.filter((x) => x.sector === input.sector).map((x) => x.code);
      if (s.length === 0)
        throw new AppError("BAD_REQUEST", `No tradable symbol in sector ${input.sector ?? "(none)"}.`);
      return s;
    }
    if (input.kind === "MARKET_CRASH" || input.kind === "FEED_OUTAGE") return specs.map((x) => x.code);
    if (!input.symbol) throw new AppError("BAD_REQUEST", "Choose a symbol for this drill.");
    if (!specs.some((s) => s.code === input.symbol))
      throw new AppError("BAD_REQUEST", `${input.symbol} is unknown or suspended.`);
    return [input.symbol];
  };
  const symbols = pick();
  let returnPct = 0;
  let recoveryMinutes = 0;
  switch (input.kind) {
    case "FLASH_CRASH": {
      returnPct = -(input.magnitude ?? 0.07);
      sim.injectShock({ symbols, returnPct, liquidityFactor: 0.25, durationSteps: stepsPerMinute * 3 });
      // Recover 70% of the log move over 10 minutes.
      recoveryMinutes = 10;
      scheduler.schedule(symbols, (-Math.log1p(returnPct) * 0.7) / recoveryMinutes, recoveryMinutes);
      break;
    }
    case "SECTOR_GAP":
      returnPct = -(input.magnitude ?? 0.05);
      sim.injectShock({ symbols, returnPct, liquidityFactor: 0.5, durationSteps: stepsPerMinute * 2 });
      break;
    case "LIQUIDITY_CRUNCH":
      sim.injectShock({ symbols, returnPct: 0, liquidityFactor: 0.1, durationSteps: stepsPerMinute * minutes });
      break;
    case "MARKET_CRASH": {
      returnPct = -(input.magnitude ?? 0.06);
      sim.setRegime("STRESSED");
      // Beta-scaled: a beta-1.3 stock falls 1.3x the market.
      for (const s of specs) {
        sim.injectShock({
          symbols: [s.code],
          returnPct: Math.max(-0.5, returnPct * s.beta),
          liquidityFactor: 0.4,
          durationSteps: stepsPerMinute * 3,
        });
      }
      break;
    }
    case "FEED_OUTAGE": {
      const primary = engine.feeds().sources().primary;
      if (!(primary instanceof SimulatorFeedSource))
        throw new AppError("BAD_REQUEST", "An outage drill needs a simulator vendor as the primary feed.");
      primary.outageUntil = now + minutes * 60_000;
      break;
    }
  }
  return {
    kind: input.kind,
    symbols: symbols.length > 20 ? symbols.slice(0, 20) : symbols,
    returnPct,
    startedAt: now,
    recoveryMinutes,
  };
}
