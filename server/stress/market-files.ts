// Reads the real market files copied into data/ (from ../shared/data, see data/README): the DJIA
// daily closes and the SP2001 constituents' daily closes. Parsed once per process.
import fs from "node:fs";
import path from "node:path";

export const DATA_DIR = path.join(process.cwd(), "data");

export interface DailySeries {
  dates: string[];
  closes: number[];
}

export interface WideCloses {
  dates: string[];
  symbols: string[];
  /** closes[d][s], NaN when the file says NA. */
  closes: number[][];
}

const cache = new Map<string, unknown>();

function readLines(file: string): string[] {
  const text = fs.readFileSync(path.join(DATA_DIR, file), "utf8");
  return text.split(/\r?\n/).filter((l) => l.trim() !== "");
}

const unquote = (s: string) => s.replace(/^"|"$/g, "");

export function loadDjia(): DailySeries {
  const hit = cache.get("djia") as DailySeries | undefined;
  if (hit) return hit;
  const lines = readLines("DJIA8012.csv").slice(1);
  const out: DailySeries = { dates: [], closes: [] };
  for (const l of lines) {
    const [d, c] = l.split(",");
    const v = Number(c);
    if (!d || !Number.isFinite(v)) continue;
    out.dates.push(unquote(d));
    out.closes.push(v);
  }
  cache.set("djia", out);
  return out;
}

export function loadSp2001(): WideCloses {
  const hit = cache.get("sp2001") as WideCloses | undefined;
  if (hit) return hit;
  const [head, ...rows] = readLines("SP2001_sp500_constituents.csv");
  const symbols = (head ?? "").split(",").slice(1).map(unquote);
  const out: WideCloses = { dates: [], symbols, closes: [] };
  for (const r of rows) {
    const cells = r.split(",");
    out.dates.push(unquote(cells[0] ?? ""));
    out.closes.push(
      symbols.map((_, i) => {
        const v = Number(unquote(cells[i + 1] ?? "NA"));
        return Number.isFinite(v) && v > 0 ? v : NaN;
      }),
    );
  }
  cache.set("sp2001", out);
  return out;
}

/** Simple return of the DJIA on `date` (close over the previous trading day's close). */
export function djiaReturnOn(date: string): number {
  const s = loadDjia();
  const i = s.dates.indexOf(date);
  if (i < 1) throw new Error(`DJIA8012.csv has no trading day ${date}`);
  return (s.closes[i] ?? NaN) / (s.closes[i - 1] ?? NaN) - 1;
}
