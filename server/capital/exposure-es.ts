// C1 Euler allocation of the book's expected shortfall per account, from simulated symbol returns.
// An account's loss on a path is linear in the returns (long positions: loss = -sum notional x r),
// so its mean loss over the tail is its notionals times the symbols' mean tail losses: the whole
// allocation costs O(paths x symbols + positions), not O(paths x accounts x positions). The result
// is identical (up to rounding) to building the full scenario x account loss matrix and calling
// eulerAllocation; the benchmark and a test compare the two.
import { compensatedSum, tailIndices } from "./euler";

export interface ExposureLine {
  /** Index of the symbol in the returns' columns. */
  symbol: number;
  /** Long notional at the mark, CNY. */
  notional: number;
}

export interface ExposureEsInput {
  /** Row-major paths x symbols simple returns (see simulateReturns). */
  returns: Float64Array;
  symbols: number;
  /** One list of positions per unit (account or product). */
  units: readonly (readonly ExposureLine[])[];
  alpha: number;
}

export interface ExposureEsResult {
  var: number;
  es: number;
  contributions: Float64Array;
  tail: number[];
  /** Mean loss per unit of notional of each symbol over the tail (what the contributions are made of). */
  symbolTailLoss: Float64Array;
}

export function allocateExposureEs(input: ExposureEsInput): ExposureEsResult {
  const { returns, symbols, units, alpha } = input;
  const paths = returns.length / symbols;
  if (!Number.isInteger(paths) || paths < 1) throw new RangeError("returns must hold whole paths");
  const book = new Float64Array(symbols);
  for (const lines of units)
    for (const l of lines) {
      if (!(l.symbol >= 0 && l.symbol < symbols)) throw new RangeError(`symbol index ${l.symbol} is out of range`);
      book[l.symbol] = (book[l.symbol] as number) + l.notional;
    }
  const portfolio = new Float64Array(paths);
  const row = new Float64Array(symbols);
  for (let p = 0; p < paths; p++) {
    for (let j = 0; j < symbols; j++) row[j] = -(book[j] as number) * (returns[p * symbols + j] as number);
    portfolio[p] = compensatedSum(row);
  }
  const tail = tailIndices(portfolio, alpha);
  const k = tail.length;
  const column = new Float64Array(k);
  const symbolTailLoss = new Float64Array(symbols);
  for (let j = 0; j < symbols; j++) {
    for (let t = 0; t < k; t++) column[t] = -(returns[(tail[t] as number) * symbols + j] as number);
    symbolTailLoss[j] = compensatedSum(column) / k;
  }
  const contributions = new Float64Array(units.length);
  const terms: number[] = [];
  units.forEach((lines, u) => {
    terms.length = 0;
    for (const l of lines) terms.push(l.notional * (symbolTailLoss[l.symbol] as number));
    contributions[u] = compensatedSum(terms);
  });
  let varValue = Infinity;
  for (const s of tail) varValue = Math.min(varValue, portfolio[s] as number);
  return { var: varValue, es: compensatedSum(contributions), contributions, tail, symbolTailLoss };
}
