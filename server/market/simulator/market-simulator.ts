// The simulated A-share market (M2): a one-factor-plus-sector return model with calm/stressed
// regime switching and jumps, daily price limits, a 5-level book per symbol and the trade prints
// the bar builder turns into 1-minute bars. Pure and seeded: the same seed and the same calls
// give the same ticks, which tests, drills and decision replay rely on.
import type { Book, Regime, SymbolSpec, Tick } from "../types";
import { describeLiquidity, type LiquidityProfile } from "./liquidity";
import { buildBook, createEmptyBook } from "./order-book";
import { priceLimits, roundToTick, toCents, type PriceLimits } from "./price-rules";
import { createPrng, type Prng } from "../../prng";
import { resolveSimParams, type SimulatorParams } from "./sim-params";
import { printTrades } from "./trade-flow";

export interface MarketSimulatorOptions {
  symbols: SymbolSpec[];
  seed: number;
  /** Epoch ms the simulation starts at; the first step() covers (startTs, ts]. */
  startTs: number;
  /** Correlation of the non-market part of returns of two stocks in one sector, in [0, 1]. */
  sectorCorrelation?: number;
  /** Calibration overrides (tests pin the regime or switch jumps off through these). */
  params?: Partial<SimulatorParams>;
}

export interface ShockOptions {
  symbols: string[];
  /** Immediate return as a fraction (-0.3 is -30%); the price is then clamped to the limits. */
  returnPct: number;
  /** Multiplies book depth (0 < f <= 1) and widens quotes by 1/sqrt(f) for durationSteps. */
  liquidityFactor?: number;
  durationSteps?: number;
}

const MS_PER_MIN = 60_000;
const DEFAULT_SECTOR_CORRELATION = 0.5;

interface SymbolState {
  spec: SymbolSpec;
  sectorIndex: number;
  liquidity: LiquidityProfile;
  limits: PriceLimits;
  upCents: number;
  downCents: number;
  /** Unclamped log price: pressure beyond a limit persists, so a locked stock stays locked. */
  logLatent: number;
  /** Latent price clamped to the limits, in cents (fractional). */
  fairCents: number;
  last: number;
  book: Book;
  liquidityFactor: number;
  liquiditySteps: number;
}

export class MarketSimulator {
  private readonly rng: Prng;
  private readonly params: SimulatorParams;
  private readonly states: SymbolState[] = [];
  private readonly byCode = new Map<string, SymbolState>();
  private readonly sectorShocks: Float64Array;
  private readonly sectorLoading: number;
  private readonly idioLoading: number;
  private regime: Regime = "CALM";
  private lastTs: number;

  constructor(opts: MarketSimulatorOptions) {
    const corr = opts.sectorCorrelation ?? DEFAULT_SECTOR_CORRELATION;
    if (!(corr >= 0 && corr <= 1)) throw new RangeError(`sectorCorrelation must be in [0, 1], got ${corr}`);
    if (!Number.isFinite(opts.startTs)) throw new RangeError(`startTs must be finite, got ${opts.startTs}`);
    this.rng = createPrng(opts.seed);
    this.params = resolveSimParams(opts.params);
    this.lastTs = opts.startTs;
    // Loadings chosen so the residual has unit variance and two same-sector residuals correlate at corr.
    this.sectorLoading = Math.sqrt(corr);
    this.idioLoading = Math.sqrt(1 - corr);

    const sectors = new Map<string, number>();
    for (const input of opts.symbols) {
      if (this.byCode.has(input.code)) throw new RangeError(`duplicate symbol ${input.code}`);
      if (!(input.prevClose > 0)) throw new RangeError(`${input.code}: prevClose must be > 0`);
      if (!Number.isInteger(input.lotSize) || input.lotSize <= 0) {
        throw new RangeError(`${input.code}: lotSize must be a positive integer`);
      }
      let sectorIndex = sectors.get(input.sector);
      if (sectorIndex === undefined) {
        sectorIndex = sectors.size;
        sectors.set(input.sector, sectorIndex);
      }
      const spec = { ...input };
      const state: SymbolState = {
        spec,
        sectorIndex,
        liquidity: describeLiquidity(spec.avgDailyValue),
        limits: { up: 0, down: 0 },
        upCents: 0,
        downCents: 0,
        logLatent: Math.log(spec.prevClose),
        fairCents: 0,
        last: roundToTick(spec.prevClose),
        book: createEmptyBook(),
        liquidityFactor: 1,
        liquiditySteps: 0,
      };
      this.setLimits(state);
      this.updateFair(state);
      this.refreshBook(state);
      this.states.push(state);
      this.byCode.set(spec.code, state);
    }
    this.sectorShocks = new Float64Array(sectors.size);
  }

  /** Advances to ts (epoch ms) and returns the trades printed in (previous ts, ts]. */
  step(ts: number): Tick[] {
    const elapsed = ts - this.lastTs;
    if (!(elapsed > 0)) return [];
    this.lastTs = ts;
    // A long gap (paused engine, lunch break) counts as one minute rather than printing an
    // hour of volume and volatility in a single step.
    const dtMin = Math.min(elapsed, MS_PER_MIN) / MS_PER_MIN;
    this.advanceRegime(dtMin);

    const p = this.params;
    const regime = this.regime;
    const stressed = regime === "STRESSED";
    const volScale = (stressed ? p.stressVolMultiplier : 1) * Math.sqrt(dtMin);
    const tradeScale = dtMin * (stressed ? p.stressTradeRateMultiplier : 1);
    const valueScale = dtMin * (stressed ? p.stressVolumeMultiplier : 1);
    let marketMove = p.marketVolPerMin * volScale * this.rng.normal();
    if (this.rng.next() < p.marketJumpRatePerMin[regime] * dtMin) {
      marketMove += p.marketJumpMean + p.marketJumpStd * this.rng.normal();
    }
    for (let i = 0; i < this.sectorShocks.length; i++) this.sectorShocks[i] = this.rng.normal();
    const residualScale = p.residualVolPerMin * volScale;
    const jumpProb = p.jumpRatePerMin[regime] * dtMin;

    const ticks: Tick[] = [];
    for (const st of this.states) {
      const sectorShock = this.sectorShocks[st.sectorIndex] ?? 0;
      // M2: return = beta * market + sectorLoading * sector + idiosyncratic, regime-scaled.
      const diffusive = this.sectorLoading * sectorShock + this.idioLoading * this.rng.normal();
      let move = st.spec.beta * marketMove + residualScale * diffusive;
      if (this.rng.next() < jumpProb) move += p.jumpMean[regime] + p.jumpStd[regime] * this.rng.normal();
      // Suspended names keep accumulating news in the latent price, so they gap on resumption.
      st.logLatent += move;
      this.updateFair(st);
      if (st.spec.suspended) {
        this.countDownLiquidityShock(st);
        continue;
      }
      this.refreshBook(st);
      this.countDownLiquidityShock(st);
      const typicalMove = Math.hypot(st.spec.beta * p.marketVolPerMin, p.residualVolPerMin) * volScale;
      const printedBefore = ticks.length;
      st.book = printTrades(
        {
          symbol: st.spec.code,
          ts,
          book: st.book,
          lotSize: st.spec.lotSize,
          expectedTrades: st.liquidity.tradesPerMin * tradeScale,
          expectedValue: st.liquidity.valuePerMin * valueScale,
          lockedTradeRateMultiplier: p.limitTradeRateMultiplier,
          zMove: typicalMove > 0 ? move / typicalMove : 0,
        },
        this.rng,
        ticks,
      );
      const lastPrint = ticks[ticks.length - 1];
      if (ticks.length > printedBefore && lastPrint !== undefined) st.last = lastPrint.price;
    }
    return ticks;
  }

  getRegime(): Regime {
    return this.regime;
  }

  setRegime(regime: Regime): void {
    this.regime = regime;
  }

  /** Current book; treat it as read-only (ticks already emitted share its levels). */
  getBook(symbol: string): Book | undefined {
    return this.byCode.get(symbol)?.book;
  }

  getLast(symbol: string): number | undefined {
    return this.byCode.get(symbol)?.last;
  }

  getLimits(symbol: string): PriceLimits | undefined {
    return this.byCode.get(symbol)?.limits;
  }

  /** Copies of the specs, with today's prevClose and suspension flag. */
  getSymbols(): SymbolSpec[] {
    return this.states.map((st) => ({ ...st.spec }));
  }

  setSuspended(symbol: string, suspended: boolean): void {
    const st = this.requireState(symbol);
    st.spec.suspended = suspended;
    this.refreshBook(st);
  }

  /** Drill injection (M2, T3): an immediate move, optionally with thinner books for a while. */
  injectShock(opts: ShockOptions): void {
    if (!(opts.returnPct > -1)) {
      throw new RangeError(`returnPct is a fraction above -1 (-0.3 for -30%), got ${opts.returnPct}`);
    }
    const factor = opts.liquidityFactor;
    if (factor !== undefined && !(factor > 0 && factor <= 1)) {
      throw new RangeError(`liquidityFactor must be in (0, 1], got ${factor}`);
    }
    // Resolve every symbol first so a typo does not leave half the shock applied.
    const targets = opts.symbols.map((code) => this.requireState(code));
    const logMove = Math.log(1 + opts.returnPct);
    for (const st of targets) {
      st.logLatent += logMove;
      this.updateFair(st);
      if (!st.spec.suspended) st.last = Math.round(st.fairCents) / 100;
      if (factor !== undefined) {
        st.liquidityFactor = factor;
        st.liquiditySteps = Math.max(1, Math.round(opts.durationSteps ?? this.params.defaultShockSteps));
      }
      this.refreshBook(st);
    }
  }

  /** Rolls the trading day: today's last price becomes prevClose, which sets new limits. */
  startNewDay(ts: number): void {
    for (const st of this.states) {
      st.spec.prevClose = st.last;
      this.setLimits(st);
      this.updateFair(st);
      this.refreshBook(st);
    }
    // The overnight gap is not simulated time; the next step starts from the open.
    this.lastTs = Math.max(this.lastTs, ts);
  }

  private requireState(symbol: string): SymbolState {
    const st = this.byCode.get(symbol);
    if (st === undefined) throw new RangeError(`unknown symbol ${symbol}`);
    return st;
  }

  private advanceRegime(dtMin: number): void {
    const p = this.params;
    const perMin = this.regime === "CALM" ? p.calmToStressedPerMin : p.stressedToCalmPerMin;
    // Per-minute probability converted to this step's length, so the chain is step-size free.
    const prob = 1 - Math.pow(1 - perMin, dtMin);
    if (this.rng.next() < prob) this.regime = this.regime === "CALM" ? "STRESSED" : "CALM";
  }

  /** Called once per step after the book is built, so a shock thins exactly durationSteps books. */
  private countDownLiquidityShock(st: SymbolState): void {
    if (st.liquiditySteps === 0) return;
    st.liquiditySteps--;
    if (st.liquiditySteps === 0) st.liquidityFactor = 1;
  }

  private setLimits(st: SymbolState): void {
    st.limits = priceLimits(st.spec.prevClose, st.spec.board);
    st.upCents = toCents(st.limits.up);
    st.downCents = toCents(st.limits.down);
  }

  private updateFair(st: SymbolState): void {
    // Clamping in cents makes "at the limit" an exact comparison for the book builder.
    st.fairCents = Math.min(st.upCents, Math.max(st.downCents, Math.exp(st.logLatent) * 100));
  }

  private refreshBook(st: SymbolState): void {
    if (st.spec.suspended) {
      st.book = createEmptyBook();
      return;
    }
    const p = this.params;
    const stressed = this.regime === "STRESSED";
    const jitter = 0.8 + 0.4 * this.rng.next();
    const spreadBps =
      (st.liquidity.spreadBps * (stressed ? p.stressSpreadMultiplier : 1) * jitter) / Math.sqrt(st.liquidityFactor);
    const spreadTicks = Math.max(1, Math.round(spreadBps * 1e-4 * st.fairCents));
    st.book = buildBook(
      {
        fairCents: st.fairCents,
        upCents: st.upCents,
        downCents: st.downCents,
        spreadTicks,
        levelGapTicks: Math.max(1, Math.round(spreadTicks / 2)),
        levelValue: st.liquidity.levelValue * (stressed ? p.stressDepthMultiplier : 1) * st.liquidityFactor,
        lotSize: st.spec.lotSize,
      },
      this.rng,
    );
  }
}
