// M1: replay of real daily bars (data/*.csv, copied from shared/data) at the engine clock's pace:
// ONE REAL TRADING DAY PER SIMULATED MINUTE, looping at the end of the file. Each real series is
// mapped onto a demo symbol and scaled so its first close equals the symbol's prevClose; within
// the minute the day's open, high/low and close print at 0 s, 15 s, 30 s and 45 s (close-only
// files print the previous close, then the close). Missing values (NA) print nothing: no bar.
import fs from "node:fs";
import type { Tick } from "../types";
import { syntheticBook, type FeedBatch, type FeedSource } from "./feed-source";

export interface ReplayRow {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}
/** Real series by column name, one entry per row (null = missing). */
export type ReplaySeries = Map<string, Array<ReplayRow | null>>;

function splitCsvLine(line: string): string[] {
  return line.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
}

/**
 * Parses either an OHLCV file (date,Open,High,Low,Close,Volume: one series named by `name`) or a
 * wide close-only file (date,<symbol>,<symbol>,...).
 */
export function parseReplayCsv(text: string, name = "series"): ReplaySeries {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const out: ReplaySeries = new Map();
  const num = (s: string | undefined) => {
    const v = Number(s);
    return s === undefined || s === "" || s === "NA" || !Number.isFinite(v) || v <= 0 ? null : v;
  };
  if (header.includes("close") && header.includes("open")) {
    const [o, h, l, c, v] = ["open", "high", "low", "close", "volume"].map((k) => header.indexOf(k));
    const rows: Array<ReplayRow | null> = [];
    for (const line of lines.slice(1)) {
      const cells = splitCsvLine(line);
      const close = num(cells[c ?? -1]);
      const open = num(cells[o ?? -1]) ?? close;
      if (close === null || open === null) {
        rows.push(null);
        continue;
      }
      const high = Math.max(num(cells[h ?? -1]) ?? close, open, close);
      const low = Math.min(num(cells[l ?? -1]) ?? close, open, close);
      rows.push({ open, high, low, close, volume: v !== undefined && v >= 0 ? num(cells[v]) : null });
    }
    out.set(name, rows);
    return out;
  }
  const names = splitCsvLine(lines[0] ?? "").slice(1);
  const cols = names.map(() => [] as Array<ReplayRow | null>);
  const prev: Array<number | null> = names.map(() => null);
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line).slice(1);
    names.forEach((_, i) => {
      const close = num(cells[i]);
      const open = prev[i] ?? close;
      cols[i]?.push(
        close === null || open === null
          ? null
          : { open, close, high: Math.max(open, close), low: Math.min(open, close), volume: null },
      );
      if (close !== null) prev[i] = close;
    });
  }
  names.forEach((n, i) => out.set(n, cols[i] ?? []));
  return out;
}

export function loadReplayFile(file: string, name?: string): ReplaySeries {
  return parseReplayCsv(fs.readFileSync(file, "utf8"), name);
}

export interface ReplayMapping {
  symbol: string; // demo symbol the series is replayed as
  column: string; // series name in the file
  prevClose: number; // the demo symbol's price level
  lotSize: number;
}

const MINUTE_MS = 60_000;
const OFFSETS_MS = [0, 15_000, 30_000, 45_000];

export class CsvReplaySource implements FeedSource {
  readonly kind = "replay" as const;
  private lastNow: number;
  private readonly tracks: Array<{ m: ReplayMapping; rows: Array<ReplayRow | null>; scale: number }>;

  constructor(
    readonly id: string,
    series: ReplaySeries,
    mappings: ReplayMapping[],
    private readonly startTs: number,
  ) {
    this.lastNow = startTs;
    this.tracks = mappings.flatMap((m) => {
      const rows = series.get(m.column);
      const first = rows?.find((r) => r !== null);
      return rows && first ? [{ m, rows, scale: m.prevClose / first.close }] : [];
    });
  }

  /** Symbols this replay covers. */
  symbols(): string[] {
    return this.tracks.map((t) => t.m.symbol);
  }

  poll(now: number): FeedBatch {
    const from = this.lastNow;
    if (!(now > from)) return { ticks: [], alive: false };
    this.lastNow = now;
    const ticks: Tick[] = [];
    // Every print time in (from, now]: minute start + offset.
    for (
      let minute = Math.floor((from - this.startTs) / MINUTE_MS);
      this.startTs + minute * MINUTE_MS <= now;
      minute++
    ) {
      if (minute < 0) continue;
      OFFSETS_MS.forEach((off, i) => {
        const ts = this.startTs + minute * MINUTE_MS + off;
        if (ts <= from || ts > now) return;
        for (const t of this.tracks) {
          const row = t.rows[minute % t.rows.length];
          if (!row) continue;
          const bullish = row.close >= row.open;
          const path = [row.open, bullish ? row.low : row.high, bullish ? row.high : row.low, row.close];
          const price = Math.max(0.01, Math.round((path[i] ?? row.close) * t.scale * 100) / 100);
          const qty = Math.max(1, Math.round((row.volume ?? 4e6) / 4 / 1e4)) * t.m.lotSize;
          ticks.push({ symbol: t.m.symbol, ts, price, qty, book: syntheticBook(price, t.m.lotSize) });
        }
      });
    }
    // A playing file is alive between its prints (15 s apart): only an empty mapping is silent.
    return { ticks, alive: this.tracks.length > 0 };
  }

  problem(): string | null {
    return this.tracks.length === 0 ? "no series mapped" : null;
  }
}
