// Mark guard (R4/R5 trigger input): a liquidation is never triggered by one bad print. A symbol's minute
// close becomes the confirmed mark only when
//   - the bar's quality is OK (GAP and STALE bars freeze), and
//   - the secondary feed's price lies within the divergence band of the close: |close - s| / s <= band, or,
//     when no secondary price is available, the median of the minute's last prints (at least minPrints of
//     them) does: |close - median| / median <= band.
// Otherwise the symbol is frozen for that minute: no new liquidation triggers on it, and the desk is alerted
// with the reason. A disagreeing secondary is not overruled by the prints: two sources disagree, so freeze.
export type BarQuality = "OK" | "GAP" | "STALE";
export type FreezeReason = "GAP" | "STALE" | "DIVERGED" | "UNCONFIRMED" | "BAD_PRICE";

export interface MarkGuardParams {
  divergenceBand: number; // fraction, e.g. 0.01 = 100 bps
  minPrints: number;
}

export const DEFAULT_MARK_GUARD_PARAMS: MarkGuardParams = { divergenceBand: 0.01, minPrints: 3 };

export interface MarkGuardInput {
  symbol: string;
  bar: { close: number; quality: BarQuality };
  /** The secondary feed's price for the same minute; null when that feed has none (or is itself stale). */
  secondaryPrice: number | null;
  /** The minute's last trade prints, any order. */
  lastPrints: readonly number[];
}

export type MarkGuardResult =
  | {
      symbol: string;
      status: "CONFIRMED";
      mark: number;
      confirmedBy: "SECONDARY" | "PRINTS_MEDIAN";
      divergence: number;
    }
  | { symbol: string; status: "FROZEN"; reason: FreezeReason; message: string; divergence: number | null };

const isPrice = (v: number) => Number.isFinite(v) && v > 0;

/** Median of finite positive prints (mean of the middle two for an even count); null when none. */
export function computeMedian(values: readonly number[]): number | null {
  const xs = values.filter(isPrice).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

export function confirmMark(
  input: MarkGuardInput,
  params: MarkGuardParams = DEFAULT_MARK_GUARD_PARAMS,
): MarkGuardResult {
  const { symbol, bar } = input;
  const frozen = (reason: FreezeReason, message: string, divergence: number | null = null): MarkGuardResult => ({
    symbol,
    status: "FROZEN",
    reason,
    message: `${symbol}: ${message}`,
    divergence,
  });
  if (bar.quality === "GAP") return frozen("GAP", "the minute's bar has a gap in the feed.");
  if (bar.quality === "STALE") return frozen("STALE", "the minute's bar is stale (no fresh ticks).");
  if (!isPrice(bar.close)) return frozen("BAD_PRICE", `the close is not a usable price (${bar.close}).`);
  const band = params.divergenceBand;
  const pct = (d: number) => `${(d * 100).toFixed(2)}%`;
  if (input.secondaryPrice !== null && isPrice(input.secondaryPrice)) {
    const d = Math.abs(bar.close - input.secondaryPrice) / input.secondaryPrice;
    if (d <= band) return { symbol, status: "CONFIRMED", mark: bar.close, confirmedBy: "SECONDARY", divergence: d };
    return frozen(
      "DIVERGED",
      `close ${bar.close} is ${pct(d)} from the secondary feed's ${input.secondaryPrice} (band ${pct(band)}).`,
      d,
    );
  }
  const prints = input.lastPrints.filter(isPrice);
  const median = computeMedian(prints);
  if (median === null || prints.length < params.minPrints) {
    return frozen(
      "UNCONFIRMED",
      `no secondary price and ${prints.length} prints (at least ${params.minPrints} needed).`,
    );
  }
  const d = Math.abs(bar.close - median) / median;
  if (d <= band) return { symbol, status: "CONFIRMED", mark: bar.close, confirmedBy: "PRINTS_MEDIAN", divergence: d };
  return frozen(
    "DIVERGED",
    `close ${bar.close} is ${pct(d)} from the median ${median} of the last ${prints.length} prints (band ${pct(band)}).`,
    d,
  );
}

/** The mark guard's parameters from the planner section of a risk parameter version. */
export function resolveMarkGuardParams(pp: { markGuard?: MarkGuardParams }): MarkGuardParams {
  return pp.markGuard ?? DEFAULT_MARK_GUARD_PARAMS;
}

/** One minute for every symbol: the confirmed marks, and the frozen symbols with their reasons (for the desk's alert). */
export function guardMinute(inputs: readonly MarkGuardInput[], params: MarkGuardParams = DEFAULT_MARK_GUARD_PARAMS) {
  const confirmed = new Map<string, number>();
  const frozen: Array<Extract<MarkGuardResult, { status: "FROZEN" }>> = [];
  for (const input of inputs) {
    const r = confirmMark(input, params);
    if (r.status === "CONFIRMED") confirmed.set(r.symbol, r.mark);
    else frozen.push(r);
  }
  return { confirmed, frozen };
}
