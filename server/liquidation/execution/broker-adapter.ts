// R7 execution venue: the broker adapter interface and the default adapter, which sells against the
// simulator's live 5-level book (local matching). A sale walks the bid side level by level, so the
// average price carries real slippage; depth already taken from the same book snapshot by earlier
// sales is remembered, so two tickets selling one symbol in one step never fill the same shares.
// Risk-reducing sells never consult buy restrictions or pre-trade limits: only tradability matters.
import type { Book } from "../../market/types";

export interface SellQuote {
  /** Suspended, or locked at limit-down with no bids: the leg waits for a later minute. */
  tradable: boolean;
  reason: "SUSPENDED" | "LIMIT_DOWN" | "NO_BID" | null;
  /** Reference price for slippage: the best bid (else the last price). */
  referencePrice: number;
  /** Shares available on the bid side right now. */
  depth: number;
}

export interface SellExecution {
  qty: number; // shares filled (<= asked)
  avgPrice: number; // volume-weighted
  referencePrice: number;
  levels: Array<[price: number, qty: number]>;
}

export interface BrokerAdapter {
  readonly name: string;
  quoteSell(symbol: string): SellQuote;
  /** The bid side the planner walks (R5), best first, as [price, shares]; undefined: no book (impact model). */
  bids(symbol: string): Array<[price: number, qty: number]> | undefined;
  /** Sells at most `qty` shares at market; fills what the bid side holds. */
  sell(symbol: string, qty: number): SellExecution;
}

/** The slice of the simulator this adapter needs (MarketSimulator satisfies it). */
export interface SimulatorBookSource {
  getBook(symbol: string): Book | undefined;
  getLast(symbol: string): number | undefined;
  getLimits(symbol: string): { up: number; down: number } | undefined;
  getSymbols(): ReadonlyArray<{ code: string; suspended: boolean }>;
}

const cents = (p: number) => Math.round(p * 100);

export class SimulatorBrokerAdapter implements BrokerAdapter {
  readonly name = "simulator";
  /** Shares taken per bid level of a book snapshot (books are immutable; a new step makes a new one). */
  private readonly taken = new WeakMap<Book, number[]>();

  constructor(private readonly sim: SimulatorBookSource) {}

  private suspended(symbol: string): boolean {
    return this.sim.getSymbols().find((s) => s.code === symbol)?.suspended ?? true;
  }

  private remaining(book: Book): number[] {
    const used = this.taken.get(book) ?? [];
    return book.bids.map((l, i) => Math.max(0, l.qty - (used[i] ?? 0)));
  }

  quoteSell(symbol: string): SellQuote {
    const book = this.sim.getBook(symbol);
    const last = this.sim.getLast(symbol) ?? 0;
    if (this.suspended(symbol)) return { tradable: false, reason: "SUSPENDED", referencePrice: last, depth: 0 };
    const rest = book ? this.remaining(book) : [];
    const depth = rest.reduce((a, b) => a + b, 0);
    const best = book?.bids[0]?.price ?? last;
    const limits = this.sim.getLimits(symbol);
    // At limit-down the queue of sellers at the limit is ahead of us: treat as untradable this minute.
    const atLimitDown =
      limits !== undefined && limits.down > 0 && cents(last) <= cents(limits.down) && (book?.asks.length ?? 0) === 0;
    if (atLimitDown) return { tradable: false, reason: "LIMIT_DOWN", referencePrice: best, depth };
    if (depth <= 0) return { tradable: false, reason: "NO_BID", referencePrice: best, depth: 0 };
    return { tradable: true, reason: null, referencePrice: best, depth };
  }

  bids(symbol: string): Array<[number, number]> | undefined {
    const book = this.sim.getBook(symbol);
    if (!book) return undefined;
    const rest = this.remaining(book);
    return book.bids.map((l, i): [number, number] => [l.price, rest[i] ?? 0]).filter(([, q]) => q > 0);
  }

  sell(symbol: string, qty: number): SellExecution {
    const quote = this.quoteSell(symbol);
    const book = this.sim.getBook(symbol);
    if (!quote.tradable || !book || qty <= 0)
      return { qty: 0, avgPrice: 0, referencePrice: quote.referencePrice, levels: [] };
    const used = [...(this.taken.get(book) ?? book.bids.map(() => 0))];
    const rest = this.remaining(book);
    let left = qty;
    let value = 0;
    const levels: Array<[number, number]> = [];
    book.bids.forEach((level, i) => {
      if (left <= 0) return;
      const take = Math.min(left, rest[i] ?? 0);
      if (take <= 0) return;
      levels.push([level.price, take]);
      value += take * level.price;
      used[i] = (used[i] ?? 0) + take;
      left -= take;
    });
    this.taken.set(book, used);
    const filled = qty - left;
    return { qty: filled, avgPrice: filled > 0 ? value / filled : 0, referencePrice: quote.referencePrice, levels };
  }
}
