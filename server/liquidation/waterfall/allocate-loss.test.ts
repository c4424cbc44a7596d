// R8 waterfall allocations worked by hand.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaterfallInputError, allocateLoss, type WaterfallLayer } from "./allocate-loss";

const balances = (c: number, r: number, g: number, j: number, s: number): Record<WaterfallLayer, Decimal.Value> => ({
  CLIENT_MARGIN: c,
  RISK_CAPITAL: r,
  GUARANTEE_FUND: g,
  JUNIOR_TRANCHE: j,
  SENIOR_TRANCHE: s,
});
const absorbedBy = (r: ReturnType<typeof allocateLoss>) => r.allocations.map((a) => a.absorbed.toString());

describe("allocateLoss (R8)", () => {
  it("a loss of 5,076 with 2,000 client margin: 2,000 client, 3,076 risk capital", () => {
    const r = allocateLoss(5076, balances(2000, 1_000_000, 5_000_000, 10_000_000, 50_000_000));
    expect(absorbedBy(r)).toEqual(["2000", "3076", "0", "0", "0"]);
    expect(r.allocations[1]?.balanceAfter.toString()).toBe("996924");
    expect(r.unabsorbed.toString()).toBe("0");
  });
  it("a loss of 1,500,000.10 runs through client 100, risk capital 1,000,000, guarantee 499,900.10", () => {
    const r = allocateLoss("1500000.10", balances(100, 1_000_000, 5_000_000, 10_000_000, 50_000_000));
    expect(absorbedBy(r)).toEqual(["100", "1000000", "499900.1", "0", "0"]);
  });
  it("reaches the senior tranche only after the junior one is gone; beyond all layers is unabsorbed", () => {
    const r = allocateLoss(1000, balances(0, 100, 200, 300, 250));
    expect(absorbedBy(r)).toEqual(["0", "100", "200", "300", "250"]);
    expect(r.unabsorbed.toString()).toBe("150");
    expect(r.absorbed.toString()).toBe("850");
  });
  it("rounds the loss up to the fen (0.001 -> 0.01) and refuses negative or non-finite amounts", () => {
    expect(allocateLoss("0.001", balances(1, 0, 0, 0, 0)).loss.toString()).toBe("0.01");
    expect(() => allocateLoss(-1, balances(0, 0, 0, 0, 0))).toThrow(WaterfallInputError);
    expect(() => allocateLoss(Infinity, balances(0, 0, 0, 0, 0))).toThrow(WaterfallInputError);
    expect(() => allocateLoss(1, balances(0, Number.NaN, 0, 0, 0))).toThrow(WaterfallInputError);
  });
  it("property: absorbed + unabsorbed = loss, each layer takes at most its balance, in order", () => {
    const amount = fc.integer({ min: 0, max: 1e11 }).map((fen) => new Decimal(fen).div(100));
    fc.assert(
      fc.property(amount, fc.array(amount, { minLength: 5, maxLength: 5 }), (loss, b) => {
        const r = allocateLoss(
          loss,
          balances(...(b.map((x) => x.toNumber()) as [number, number, number, number, number])),
        );
        expect(r.absorbed.plus(r.unabsorbed).eq(loss)).toBe(true);
        let exhaustedBefore = true;
        for (const a of r.allocations) {
          expect(a.absorbed.lte(a.balanceBefore)).toBe(true);
          // a layer absorbs only once every earlier layer is exhausted
          if (a.absorbed.gt(0)) expect(exhaustedBefore).toBe(true);
          exhaustedBefore = exhaustedBefore && a.balanceAfter.eq(0);
        }
      }),
    );
  });
});
