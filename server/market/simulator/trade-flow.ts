// Trade prints of one symbol in one simulator step (M2): Poisson-many marketable orders of
// exponential size take the touch of a freshly built book. Kept apart from the price model so
// the volume calibration can be read (and changed) in one place.
import type { Book, Tick } from "../types";
import { applyTrade, type TradeSide } from "./order-book";
import type { Prng } from "../../prng";

/** Keeps a step's prints bounded even in stress; typical steps print 0-2 trades per symbol. */
export const MAX_TRADES_PER_STEP = 5;

export interface TradeFlowInputs {
  symbol: string;
  ts: number;
  book: Book;
  lotSize: number;
  /** Expected prints and CNY traded in this step with two-sided quotes. */
  expectedTrades: number;
  expectedValue: number;
  /** Slowdown of trading while locked at a limit (one side of the book empty). */
  lockedTradeRateMultiplier: number;
  /** This step's return in units of its typical size; tilts the flow towards the move's side. */
  zMove: number;
}

/** Appends the step's prints to out and returns the book after them. */
export function printTrades(inp: TradeFlowInputs, rng: Prng, out: Tick[]): Book {
  if (!(inp.expectedTrades > 0)) return inp.book;
  let book = inp.book;
  const lot = inp.lotSize;
  // Per-trade size comes from the unlocked rate: a locked stock prints fewer trades, not smaller ones.
  const meanTradeValue = inp.expectedValue / inp.expectedTrades;
  const locked = book.bids.length === 0 || book.asks.length === 0;
  const rate = inp.expectedTrades * (locked ? inp.lockedTradeRateMultiplier : 1);
  const count = Math.min(MAX_TRADES_PER_STEP, rng.poisson(rate));
  const buyProb = 0.5 + 0.3 * Math.tanh(inp.zMove);

  for (let k = 0; k < count; k++) {
    let side: TradeSide = rng.next() < buyProb ? "BUY" : "SELL";
    // Locked at a limit only one side is quoted; the flow that can trade is the other one.
    if (side === "BUY" && book.asks.length === 0) side = "SELL";
    else if (side === "SELL" && book.bids.length === 0) side = "BUY";
    const levels = side === "BUY" ? book.asks : book.bids;
    const touch = levels[0];
    if (touch === undefined) break;
    // A side only empties at a limit (M2), so the last level and a locked limit's queue keep a lot.
    const available = touch.qty - (locked || levels.length === 1 ? lot : 0);
    // Exponential trade sizes; stochastic rounding to lots keeps the mean volume unbiased even
    // when the mean trade is smaller than one lot.
    const lotsFloat = (meanTradeValue * -Math.log(1 - rng.next())) / (touch.price * lot);
    const lots = Math.floor(lotsFloat) + (rng.next() < lotsFloat % 1 ? 1 : 0);
    if (lots === 0 || available <= 0) continue;
    const qty = Math.min(lots * lot, available);
    book = applyTrade(book, side, qty);
    out.push({ symbol: inp.symbol, ts: inp.ts, price: touch.price, qty, book });
  }
  return book;
}
