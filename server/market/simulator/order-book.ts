// The simulated 5-level order book (M2): quotes around the fair price on the 0.01 tick, inside
// the daily limits, with depth in whole lots. Prices are handled in integer cents so levels are
// exact ticks. Books are treated as immutable: a trade returns a new book and earlier snapshots
// (held by ticks already emitted) stay valid.
import type { Book, BookLevel } from "../types";
import type { Prng } from "../../prng";

export const BOOK_LEVELS = 5;

export type TradeSide = "BUY" | "SELL";

export interface QuoteInputs {
  /** Fair price in cents, already clamped to [downCents, upCents]; may be fractional. */
  fairCents: number;
  upCents: number;
  downCents: number;
  /** Quoted spread in ticks, >= 1. */
  spreadTicks: number;
  /** Distance between consecutive levels in ticks, >= 1. */
  levelGapTicks: number;
  /** CNY resting on the first level before the random jitter. */
  levelValue: number;
  lotSize: number;
}

/** Extra size queued at a locked limit: at limit-up everyone wants to buy at the limit. */
const LIMIT_QUEUE_MULTIPLIER = 10;

export function createEmptyBook(): Book {
  return { bids: [], asks: [] };
}

/** Best bid and ask in cents; a side is undefined when the stock is locked at the opposite limit. */
function placeTouch(q: QuoteInputs): { bidC: number | undefined; askC: number | undefined } {
  if (q.fairCents >= q.upCents) return { bidC: q.upCents, askC: undefined };
  if (q.fairCents <= q.downCents) return { bidC: undefined, askC: q.downCents };
  let bidC = Math.round(q.fairCents - q.spreadTicks / 2);
  let askC = bidC + q.spreadTicks;
  if (askC > q.upCents) askC = q.upCents;
  if (bidC < q.downCents) bidC = q.downCents;
  if (bidC >= askC) {
    // Only reachable when the limits are a tick or two apart; keep one tick of spread.
    if (askC < q.upCents) askC = bidC + 1;
    else bidC = askC - 1;
  }
  return { bidC, askC };
}

function buildSide(
  q: QuoteInputs,
  touchC: number | undefined,
  direction: 1 | -1,
  lockedAtLimit: boolean,
  rng: Prng,
): BookLevel[] {
  const levels: BookLevel[] = [];
  if (touchC === undefined) return levels;
  for (let i = 0; i < BOOK_LEVELS; i++) {
    const cents = touchC + direction * i * q.levelGapTicks;
    if (cents > q.upCents || cents < q.downCents) break;
    const price = cents / 100;
    // Deeper levels hold a little more, with jitter so depth and imbalance move minute to minute.
    let value = q.levelValue * (1 + 0.25 * i) * (0.6 + 0.8 * rng.next());
    if (lockedAtLimit && i === 0) value *= LIMIT_QUEUE_MULTIPLIER;
    const lots = Math.max(1, Math.floor(value / (price * q.lotSize)));
    levels.push({ price, qty: lots * q.lotSize });
  }
  return levels;
}

/** A fresh book around the fair price: at limit-up no asks, at limit-down no bids (M2). */
export function buildBook(q: QuoteInputs, rng: Prng): Book {
  const { bidC, askC } = placeTouch(q);
  return {
    bids: buildSide(q, bidC, -1, askC === undefined, rng),
    asks: buildSide(q, askC, 1, bidC === undefined, rng),
  };
}

/**
 * The book after a marketable order of qty shares takes the opposite touch. Callers cap qty at
 * the touch size, so a trade never walks the book and its price stays between the post-trade
 * best bid and best ask.
 */
export function applyTrade(book: Book, side: TradeSide, qty: number): Book {
  const levels = side === "BUY" ? book.asks : book.bids;
  const best = levels[0];
  if (best === undefined) return book;
  const remaining = best.qty - qty;
  const rest = levels.slice(1);
  const next = remaining > 0 ? [{ price: best.price, qty: remaining }, ...rest] : rest;
  return side === "BUY" ? { bids: book.bids, asks: next } : { bids: next, asks: book.asks };
}
