// The hot window of 1-minute bars, served from memory: the chart's backfill and the 5m/15m rollups
// read the last hours of a symbol on every page load, which on the embedded database is SQL on the
// server's own thread. A symbol's window is loaded from the database on its first request and then
// follows the closed bars on the bus (so it works on any instance the bus reaches); a request the
// window cannot answer exactly (older than it, or longer) goes to the database. Symbols are kept in
// least-recently-used order up to a cap, so memory is bounded whatever the symbol count.
import type { EventBus } from "../engine/event-bus";
import { barTopic, type BarEvent } from "../engine/market-engine";
import type { Bar } from "./types";

/** Minutes kept per symbol: a trading day is 240; 15m bars over 60 of them need 900. */
export const HOT_MINUTES = 1000;
/** Symbols kept at once (least recently requested dropped first). */
export const HOT_SYMBOLS = 400;

type Loader = (symbol: string, limit: number, before?: number) => Promise<Bar[]>;

interface Window {
  /** Ascending by ts, unique ts. */
  bars: Bar[];
  /** The database held no more bars than these when the window was loaded: it is the symbol's whole history. */
  whole: boolean;
  loaded: Promise<void>;
  unsubscribe: () => void;
}

/** Inserts or replaces a bar by ts, keeping ascending order (bars almost always arrive in order). */
function insert(bars: Bar[], bar: Bar): void {
  let i = bars.length;
  while (i > 0 && (bars[i - 1] as Bar).ts > bar.ts) i--;
  if (i > 0 && (bars[i - 1] as Bar).ts === bar.ts) bars[i - 1] = bar;
  else bars.splice(i, 0, bar);
}

export class HotBars {
  private readonly windows = new Map<string, Window>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly bus: EventBus,
    private readonly load: Loader,
    private readonly minutes = HOT_MINUTES,
    private readonly maxSymbols = HOT_SYMBOLS,
  ) {}

  private open(symbol: string): Window {
    const known = this.windows.get(symbol);
    if (known) {
      // Most recently used last.
      this.windows.delete(symbol);
      this.windows.set(symbol, known);
      return known;
    }
    const w: Window = { bars: [], whole: false, loaded: Promise.resolve(), unsubscribe: () => undefined };
    // Subscribe before loading: a bar that closes while the query runs is merged, not lost.
    w.unsubscribe = this.bus.subscribe<BarEvent>(barTopic(symbol), (e) => {
      if (e.data.kind !== "closed") return;
      insert(w.bars, e.data.bar);
      if (w.bars.length > this.minutes) {
        w.bars.splice(0, w.bars.length - this.minutes);
        w.whole = false;
      }
    });
    w.loaded = this.load(symbol, this.minutes).then(
      (rows) => {
        for (const b of rows) insert(w.bars, b);
        w.whole = rows.length < this.minutes;
        if (w.bars.length > this.minutes) {
          w.bars.splice(0, w.bars.length - this.minutes);
          w.whole = false;
        }
      },
      (err: unknown) => {
        this.drop(symbol, w);
        throw err;
      },
    );
    this.windows.set(symbol, w);
    for (const [s, old] of this.windows) {
      if (this.windows.size <= this.maxSymbols) break;
      this.drop(s, old);
    }
    return w;
  }

  private drop(symbol: string, w: Window): void {
    w.unsubscribe();
    if (this.windows.get(symbol) === w) this.windows.delete(symbol);
  }

  /** The last `limit` closed bars before `before` (exclusive), oldest first: as loadRecentBars. */
  async recent(symbol: string, limit: number, before?: number): Promise<Bar[]> {
    const w = this.open(symbol);
    await w.loaded;
    const end = before === undefined ? w.bars.length : w.bars.findIndex((b) => b.ts >= before);
    const upto = end === -1 ? w.bars.length : end;
    // Answerable from memory when the window holds `limit` bars before the bound, or holds the whole
    // history (fewer exist), and the bound is not older than the window's first bar.
    const first = w.bars[0];
    const inWindow = before === undefined || first === undefined || before > first.ts || w.whole;
    if (inWindow && (upto >= limit || w.whole)) {
      this.hits++;
      return w.bars.slice(Math.max(0, upto - limit), upto);
    }
    this.misses++;
    return this.load(symbol, limit, before);
  }

  close(): void {
    for (const [s, w] of this.windows) this.drop(s, w);
  }
}
