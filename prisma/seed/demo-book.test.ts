// The demo book is a believable A-share universe and a book of accounts spread across the
// R1/R3 lines (coverage, leverage), identical for a given seed.
import { describe, expect, it } from "vitest";
import { generateDemoBook, type DemoAccount, type DemoBook } from "./demo-book";

const SEED = 42;
const book = generateDemoBook({ seed: SEED, symbols: 300, accounts: 3000 });

const CODE_FORMAT = {
  MAIN: /^(60[013]\d{3}\.SH|00[02]\d{3}\.SZ)$/,
  CHINEXT: /^300\d{3}\.SZ$/,
  STAR: /^688\d{3}\.SH$/,
} as const;

function hasTwoDecimals(x: number): boolean {
  return Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

// R1 at prevClose: assets, equity, coverage (null without debt) and leverage A / E.
function measureAccount(b: DemoBook, a: DemoAccount) {
  const prices = new Map(b.symbols.map((s) => [s.code, s.prevClose]));
  const marketValue = a.positions.reduce((sum, p) => sum + p.qty * (prices.get(p.symbolCode) ?? Number.NaN), 0);
  const assets = a.cash + marketValue;
  const equity = assets - a.debt;
  return { assets, equity, coverage: a.debt > 0 ? assets / a.debt : null, leverage: assets / equity };
}

describe("generateDemoBook", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateDemoBook({ seed: SEED, symbols: 300, accounts: 3000 })).toEqual(book);
    const other = generateDemoBook({ seed: SEED + 1, symbols: 300, accounts: 3000 });
    expect(other.symbols.map((s) => s.code)).not.toEqual(book.symbols.map((s) => s.code));
  });

  it("keeps the universe of a seed whatever the number of accounts", () => {
    expect(generateDemoBook({ seed: SEED, symbols: 300, accounts: 10 }).symbols).toEqual(book.symbols);
  });

  it("generates the requested counts, fast", () => {
    const t0 = performance.now();
    const fresh = generateDemoBook({ seed: 7, symbols: 300, accounts: 3000 });
    // Typically well under 100 ms; the bound only catches an accidental quadratic.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(fresh.symbols).toHaveLength(300);
    expect(fresh.accounts).toHaveLength(3000);
  });

  it("rejects bad sizes and handles empty books", () => {
    expect(() => generateDemoBook({ seed: 1, symbols: -1, accounts: 0 })).toThrow(RangeError);
    expect(() => generateDemoBook({ seed: 1, symbols: 2.5, accounts: 0 })).toThrow(RangeError);
    expect(() => generateDemoBook({ seed: 1, symbols: 0, accounts: 5 })).toThrow(RangeError);
    expect(generateDemoBook({ seed: 1, symbols: 0, accounts: 0 })).toEqual({ symbols: [], accounts: [] });
    const tiny = generateDemoBook({ seed: 1, symbols: 3, accounts: 50 });
    for (const a of tiny.accounts) expect(new Set(a.positions.map((p) => p.symbolCode)).size).toBe(a.positions.length);
  });
});

describe("demo symbols", () => {
  it("have unique codes in the series of their board", () => {
    expect(new Set(book.symbols.map((s) => s.code)).size).toBe(300);
    for (const s of book.symbols) expect(s.code).toMatch(CODE_FORMAT[s.board]);
  });

  it("have unique Chinese names ending in a sector word", () => {
    expect(new Set(book.symbols.map((s) => s.name)).size).toBe(300);
    for (const s of book.symbols) expect(s.name).toMatch(/^[\u4e00-\u9fff]{4,5}$/);
  });

  it("cover at least 10 sectors and all three boards in about a 60/25/15 mix", () => {
    expect(book.symbols.length).toBeGreaterThanOrEqual(200);
    expect(new Set(book.symbols.map((s) => s.sector)).size).toBeGreaterThanOrEqual(10);
    const boards = countBy(book.symbols, (s) => s.board);
    expect([...boards.keys()].sort()).toEqual(["CHINEXT", "MAIN", "STAR"]);
    expect((boards.get("MAIN") ?? 0) / 300).toBeCloseTo(0.6, 1);
    expect((boards.get("CHINEXT") ?? 0) / 300).toBeCloseTo(0.25, 1);
    expect((boards.get("STAR") ?? 0) / 300).toBeCloseTo(0.15, 1);
  });

  it("list banks and insurers on the main boards only", () => {
    for (const s of book.symbols.filter((x) => x.sector === "银行" || x.sector === "保险"))
      expect(s.board).toBe("MAIN");
  });

  it("carry R2 classes, tiers by turnover rank and plausible market figures", () => {
    for (const s of book.symbols) {
      expect(s.assetClass).toBe(s.board === "MAIN" ? "MAIN_BOARD" : "GROWTH");
      expect(s.prevClose).toBeGreaterThanOrEqual(3);
      expect(s.prevClose).toBeLessThanOrEqual(300);
      expect(hasTwoDecimals(s.prevClose)).toBe(true);
      expect(s.avgDailyValue).toBeGreaterThanOrEqual(5e7);
      expect(s.avgDailyValue).toBeLessThanOrEqual(5e9);
      expect(s.beta).toBeGreaterThanOrEqual(0.6);
      expect(s.beta).toBeLessThanOrEqual(1.6);
      expect(s.lotSize).toBe(100);
    }
    const tiers = countBy(book.symbols, (s) => s.liquidityTier);
    expect([tiers.get("T1"), tiers.get("T2"), tiers.get("T3")]).toEqual([90, 120, 90]);
    const minAdv = (t: string) =>
      Math.min(...book.symbols.filter((s) => s.liquidityTier === t).map((s) => s.avgDailyValue));
    const maxAdv = (t: string) =>
      Math.max(...book.symbols.filter((s) => s.liquidityTier === t).map((s) => s.avgDailyValue));
    expect(minAdv("T1")).toBeGreaterThanOrEqual(maxAdv("T2"));
    expect(minAdv("T2")).toBeGreaterThanOrEqual(maxAdv("T3"));
    const suspended = book.symbols.filter((s) => s.suspended).length;
    expect(suspended).toBeGreaterThanOrEqual(1);
    expect(suspended).toBeLessThanOrEqual(6);
  });
});

describe("demo accounts", () => {
  const codes = new Set(book.symbols.map((s) => s.code));
  const closes = new Map(book.symbols.map((s) => [s.code, s.prevClose]));

  it("have unique MD codes, Chinese client names and KYC levels 1..3", () => {
    expect(new Set(book.accounts.map((a) => a.code)).size).toBe(3000);
    for (const a of book.accounts) {
      expect(a.code).toMatch(/^MD\d{6}$/);
      expect(a.clientName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect([1, 2, 3]).toContain(a.kycLevel);
    }
    expect(new Set(book.accounts.map((a) => a.kycLevel)).size).toBe(3);
  });

  it("hold 1..8 distinct listed symbols in whole lots, bought near the close", () => {
    for (const a of book.accounts) {
      expect(a.positions.length).toBeGreaterThanOrEqual(1);
      expect(a.positions.length).toBeLessThanOrEqual(8);
      expect(new Set(a.positions.map((p) => p.symbolCode)).size).toBe(a.positions.length);
      for (const p of a.positions) {
        expect(codes.has(p.symbolCode)).toBe(true);
        expect(Number.isInteger(p.qty) && p.qty >= 100 && p.qty % 100 === 0).toBe(true);
        const ratio = p.avgCost / (closes.get(p.symbolCode) ?? Number.NaN);
        expect(ratio).toBeGreaterThan(0.6);
        expect(ratio).toBeLessThan(1.8);
      }
    }
  });

  it("have non-negative cash and debt in cents, some without debt", () => {
    for (const a of book.accounts) {
      expect(a.cash).toBeGreaterThanOrEqual(0);
      expect(a.debt).toBeGreaterThanOrEqual(0);
      expect(hasTwoDecimals(a.cash)).toBe(true);
      expect(hasTwoDecimals(a.debt)).toBe(true);
    }
    expect(book.accounts.filter((a) => a.debt === 0).length).toBeGreaterThan(0);
  });

  it("spread across the coverage lines: most healthy, some near warning, a few in deep trouble", () => {
    const metrics = book.accounts.map((a) => measureAccount(book, a));
    for (const m of metrics) expect(m.equity).toBeGreaterThan(0);
    const coverages = metrics.flatMap((m) => (m.coverage === null ? [] : [m.coverage]));
    const share = (pred: (c: number) => boolean) => coverages.filter(pred).length / coverages.length;
    expect(share((c) => c >= 1.5)).toBeGreaterThan(0.7);
    expect(share((c) => c >= 1.3 && c < 1.5)).toBeGreaterThan(0.05);
    expect(share((c) => c < 1.3)).toBeGreaterThan(0.02);
    expect(share((c) => c < 1.3)).toBeLessThan(0.15);
    expect(share((c) => c < 1.2)).toBeGreaterThan(0.005);
    expect(Math.min(...coverages)).toBeGreaterThanOrEqual(1.04);
    const leverages = metrics.map((m) => m.leverage).sort((x, y) => x - y);
    const median = leverages[Math.floor(leverages.length / 2)] ?? Number.NaN;
    expect(median).toBeGreaterThan(1.5);
    expect(median).toBeLessThan(3.5);
    expect(leverages.filter((l) => l > 1.01 && l < 1.3).length).toBeGreaterThan(0);
    expect(leverages.filter((l) => l > 6).length).toBeGreaterThan(0);
  });
});
