import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absorbInProduct, allocateTrancheLoss, proRataFen, splitTranche } from "./tranche-math";

const d = (v: Decimal.Value) => new Decimal(v);
const s = (x: Decimal) => x.toFixed(2);

describe("tranche products", () => {
  it("splits 1 : 2.5 and 1 : 3 products", () => {
    // 35M at 1 : 2.5 -> junior 35 / 3.5 = 10M, senior 25M; 40M at 1 : 3 -> 10M / 30M
    expect([splitTranche(35_000_000, 2.5)].map((t) => [s(t.junior), s(t.senior)])).toEqual([
      ["10000000.00", "25000000.00"],
    ]);
    expect([splitTranche(40_000_000, 3)].map((t) => [s(t.junior), s(t.senior)])).toEqual([
      ["10000000.00", "30000000.00"],
    ]);
    // 100.00 at 1 : 3 -> 25.00 / 75.00; 100.01 at 1 : 2 -> junior 33.33 (rounded down), senior 66.68
    const odd = splitTranche("100.01", 2);
    expect([s(odd.junior), s(odd.senior)]).toEqual(["33.33", "66.68"]);
  });

  it("one product: the junior tranche absorbs first, then the senior", () => {
    // 1 : 3, 10M / 30M; a 12M loss -> junior 10M (wiped out), senior 2M (recovers 28/30)
    const r = absorbInProduct({ junior: d(10_000_000), senior: d(30_000_000) }, 12_000_000);
    expect([s(r.junior), s(r.senior), s(r.unabsorbed)]).toEqual(["10000000.00", "2000000.00", "0.00"]);
    const big = absorbInProduct({ junior: d(10), senior: d(30) }, 45);
    expect([s(big.junior), s(big.senior), s(big.unabsorbed)]).toEqual(["10.00", "30.00", "5.00"]);
  });

  it("shares a layer's loss between products pro rata to their tranche sizes", () => {
    // juniors 10M and 20M share a 3M junior loss 1M / 2M; seniors 25M and 60M share 1.7M as 0.5M / 1.2M
    const r = allocateTrancheLoss(
      [
        { id: "A", junior: d(10_000_000), senior: d(25_000_000) },
        { id: "B", junior: d(20_000_000), senior: d(60_000_000) },
      ],
      3_000_000,
      1_700_000,
    );
    expect(r.map((p) => [p.id, s(p.junior), s(p.senior)])).toEqual([
      ["A", "1000000.00", "500000.00"],
      ["B", "2000000.00", "1200000.00"],
    ]);
    expect(() => allocateTrancheLoss([{ id: "A", junior: d(1), senior: d(1) }], 2, 0)).toThrow(RangeError);
  });

  it("hands the odd fen to the largest remainder: 0.10 over three equal products is 0.04 / 0.03 / 0.03", () => {
    expect(proRataFen(d("0.10"), [d(1), d(1), d(1)]).map(s)).toEqual(["0.04", "0.03", "0.03"]);
  });

  it("property: the pro-rata shares always add up to the amount, none negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (fen, weights) => {
          const amount = d(fen).div(100);
          const parts = proRataFen(amount, weights.map(d));
          expect(s(parts.reduce((a, b) => a.plus(b), d(0)))).toBe(s(amount));
          for (const p of parts) expect(p.gte(0)).toBe(true);
        },
      ),
    );
  });
});
