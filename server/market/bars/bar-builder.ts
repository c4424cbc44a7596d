// Aggregates trade ticks into 1-minute bars per symbol (M3). A bar exists only for a minute in
// which the symbol traded: quiet minutes are left as gaps rather than fabricated flat bars,
// so downstream volatility and volume statistics see real prints only.
import type { Bar, Book, Tick } from "../types";

export { aggregateBars } from "./aggregate-bars";

export const MINUTE_MS = 60_000;

/** Start of the minute containing ts (epoch ms). */
export function floorToMinute(ts: number): number {
  return Math.floor(ts / MINUTE_MS) * MINUTE_MS;
}

interface FormingBar {
  bar: Bar;
  spreadSumBps: number;
  spreadSamples: number;
}

function sumQty(levels: Book["bids"]): number {
  let total = 0;
  for (const level of levels) total += level.qty;
  return total;
}

/** Quoted spread of a tick's book in bps of mid; undefined when a side is empty (locked limit). */
function measureSpreadBps(book: Book): number | undefined {
  const bid = book.bids[0];
  const ask = book.asks[0];
  if (bid === undefined || ask === undefined) return undefined;
  const mid = (bid.price + ask.price) / 2;
  return mid > 0 ? ((ask.price - bid.price) / mid) * 1e4 : undefined;
}

function startBar(tick: Tick, minuteTs: number): FormingBar {
  return {
    bar: {
      symbol: tick.symbol,
      ts: minuteTs,
      open: tick.price,
      high: tick.price,
      low: tick.price,
      close: tick.price,
      volume: 0,
      turnover: 0,
      vwap: tick.price,
      trades: 0,
      spreadBps: 0,
      bidDepth: 0,
      askDepth: 0,
      imbalance: 0,
      quality: "OK",
    },
    spreadSumBps: 0,
    spreadSamples: 0,
  };
}

function addToBar(forming: FormingBar, tick: Tick): void {
  const bar = forming.bar;
  bar.high = Math.max(bar.high, tick.price);
  bar.low = Math.min(bar.low, tick.price);
  bar.close = tick.price;
  bar.volume += tick.qty;
  bar.turnover += tick.price * tick.qty;
  bar.trades += 1;
  const spread = measureSpreadBps(tick.book);
  if (spread !== undefined) {
    forming.spreadSumBps += spread;
    forming.spreadSamples += 1;
  }
  // Depth is a snapshot, so only the last tick of the minute counts (M3).
  bar.bidDepth = sumQty(tick.book.bids);
  bar.askDepth = sumQty(tick.book.asks);
}

/** A finished copy of the bar with the derived fields filled in. */
function snapshotBar(forming: FormingBar): Bar {
  const bar = forming.bar;
  const depth = bar.bidDepth + bar.askDepth;
  return {
    ...bar,
    vwap: bar.volume > 0 ? bar.turnover / bar.volume : bar.close,
    spreadBps: forming.spreadSamples > 0 ? forming.spreadSumBps / forming.spreadSamples : 0,
    imbalance: depth > 0 ? (bar.bidDepth - bar.askDepth) / depth : 0,
  };
}

export class BarBuilder {
  private readonly formingBars = new Map<string, FormingBar>();
  /** Minute start of the last bar closed per symbol, to recognise ticks arriving too late. */
  private readonly lastClosedTs = new Map<string, number>();
  private lateTicks = 0;

  /** Adds a trade; returns the symbol's previous bar if this tick opened a later minute. */
  add(tick: Tick): Bar[] {
    const minuteTs = floorToMinute(tick.ts);
    const closed: Bar[] = [];
    let forming = this.formingBars.get(tick.symbol);
    if (forming !== undefined && forming.bar.ts < minuteTs) {
      closed.push(this.close(tick.symbol, forming));
      forming = undefined;
    }
    if (forming === undefined) {
      const lastClosed = this.lastClosedTs.get(tick.symbol);
      if (lastClosed !== undefined && minuteTs <= lastClosed) {
        // Its minute is already published; reopening it would rewrite a bar the risk engine has
        // acted on, so the print is dropped and counted instead.
        this.lateTicks++;
        return closed;
      }
      forming = startBar(tick, minuteTs);
      this.formingBars.set(tick.symbol, forming);
    } else if (minuteTs < forming.bar.ts) {
      this.lateTicks++;
      return closed;
    }
    addToBar(forming, tick);
    return closed;
  }

  /** Closes every forming bar whose minute ended at or before ts (minute end = start + 60 s). */
  closeUntil(ts: number): Bar[] {
    const closed: Bar[] = [];
    for (const [symbol, forming] of this.formingBars) {
      if (forming.bar.ts + MINUTE_MS <= ts) closed.push(this.close(symbol, forming));
    }
    return closed;
  }

  /** The symbol's bar for the current minute so far, for the live chart. */
  forming(symbol: string): Bar | undefined {
    const forming = this.formingBars.get(symbol);
    return forming === undefined ? undefined : snapshotBar(forming);
  }

  /** Ticks dropped because their minute had already closed (a feed-quality signal). */
  countLateTicks(): number {
    return this.lateTicks;
  }

  private close(symbol: string, forming: FormingBar): Bar {
    this.formingBars.delete(symbol);
    this.lastClosedTs.set(symbol, forming.bar.ts);
    return snapshotBar(forming);
  }
}
