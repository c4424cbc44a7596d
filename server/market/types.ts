// Market data shapes shared by the simulator, the bar builder, the engine and the UI (M2, M3).

export type Board = "MAIN" | "CHINEXT" | "STAR";
export type Regime = "CALM" | "STRESSED";

export interface SymbolSpec {
  code: string; // e.g. "600519.SH"
  name: string;
  sector: string;
  board: Board;
  beta: number; // loading on the market factor
  prevClose: number; // yesterday's close, CNY; daily limits are computed from it
  lotSize: number; // 100 for A-shares
  avgDailyValue: number; // CNY traded per day, scales simulated volume
  suspended: boolean;
}

/** One price level of the book: price in CNY, quantity in shares (multiple of the lot). */
export interface BookLevel {
  price: number;
  qty: number;
}

export interface Book {
  bids: BookLevel[]; // best first, 5 levels
  asks: BookLevel[]; // best first, 5 levels
}

/** One simulated trade print. ts is epoch milliseconds. */
export interface Tick {
  symbol: string;
  ts: number;
  price: number;
  qty: number; // shares, multiple of the lot size
  book: Book; // book right after the trade
}

/** A closed (or forming) one-minute bar (M3). ts is the minute's start, epoch ms. */
export interface Bar {
  symbol: string;
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number; // shares
  turnover: number; // CNY
  vwap: number;
  trades: number;
  spreadBps: number; // time-weighted (per tick) mean quoted spread, basis points of mid
  bidDepth: number; // shares on the 5 bid levels at the last tick
  askDepth: number; // shares on the 5 ask levels at the last tick
  imbalance: number; // (bidDepth - askDepth) / (bidDepth + askDepth), in [-1, 1]
  quality: "OK" | "STALE" | "GAP";
}
