import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBookColumns, digestBook, serializeBook, type AccountRow, type SymbolRow } from "./book-columns";
import { applyDelta, diffBooks } from "./book-delta";

const SYMBOLS: SymbolRow[] = ["600000", "600519", "000001", "300750"].map((code, i) => ({
  code,
  assetClass: i % 2 ? "EQUITY" : "ETF",
  liquidityTier: "T1",
  avgDailyValue: 1e8 * (i + 1),
  prevClose: 10 + i,
}));

const accountArb = fc.record({
  id: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `acc-${String(i).padStart(2, "0")}`)),
  cash: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
  debt: fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100),
  positions: fc.uniqueArray(
    fc.record({ symbol: fc.constantFrom(...SYMBOLS.map((s) => s.code)), qty: fc.integer({ min: -500, max: 5000 }) }),
    { selector: (p) => p.symbol, maxLength: 4 },
  ),
});
const bookArb = fc.uniqueArray(accountArb, { selector: (a) => a.id, maxLength: 12 });

const full = (accounts: AccountRow[]) => buildBookColumns(SYMBOLS, accounts);
const digestOf = (accounts: AccountRow[]) => digestBook(serializeBook(full(accounts)));

describe("book snapshot deltas", () => {
  it("base + delta rebuilds every book of a random change sequence byte for byte", () => {
    fc.assert(
      fc.property(bookArb, fc.array(bookArb, { minLength: 1, maxLength: 6 }), (first, later) => {
        const base = full(first);
        for (const accounts of later) {
          const next = full(accounts);
          const delta = diffBooks(base, next);
          expect(delta).not.toBeNull();
          const rebuilt = applyDelta(base, delta!);
          expect(digestBook(serializeBook(rebuilt))).toBe(digestOf(accounts));
          expect(rebuilt.accountIds).toEqual(next.accountIds);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("stores only the changed and new accounts and the removed ids", () => {
    const base = full([
      { id: "a", cash: 100, debt: 0, positions: [{ symbol: "600000", qty: 100 }] },
      { id: "b", cash: 50, debt: 10, positions: [] },
      { id: "c", cash: 0, debt: 0, positions: [{ symbol: "300750", qty: 3 }] },
    ]);
    const next = full([
      { id: "a", cash: 100, debt: 0, positions: [{ symbol: "600000", qty: 100 }] }, // same
      { id: "b", cash: 49.5, debt: 10, positions: [] }, // cash changed
      { id: "d", cash: 1, debt: 0, positions: [] }, // new; c removed
    ]);
    const d = diffBooks(base, next)!;
    expect(d.changedIds).toEqual(["b", "d"]);
    expect(d.removedIds).toEqual(["c"]);
    // header 8 + cash 2*8 + debt 2*8 + posStart 3*4 (aligned to 16) + no positions = 56 bytes
    expect(d.data.byteLength).toBe(56);
  });

  it("asks for a full book when a symbol or its attributes change", () => {
    const base = full([]);
    const other = buildBookColumns(
      SYMBOLS.map((s, i) => (i === 0 ? { ...s, liquidityTier: "T2" } : s)),
      [],
    );
    expect(diffBooks(base, other)).toBeNull();
  });
});
