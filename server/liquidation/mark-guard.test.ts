// Mark guard examples worked by hand (default band 1%, at least 3 prints).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMedian, confirmMark, guardMinute, resolveMarkGuardParams } from "./mark-guard";

const ok = (close: number) => ({ close, quality: "OK" as const });

describe("confirmMark", () => {
  it("confirms the close when the secondary feed is within the band (10.05 vs 10.00: 0.5%)", () => {
    const r = confirmMark({ symbol: "A", bar: ok(10.05), secondaryPrice: 10, lastPrints: [] });
    expect(r).toMatchObject({ status: "CONFIRMED", mark: 10.05, confirmedBy: "SECONDARY" });
    expect(r.divergence).toBeCloseTo(0.005, 12);
  });
  it("freezes when the secondary diverges (9.00 vs 10.00: 10%), even if the prints agree with the close", () => {
    const r = confirmMark({ symbol: "A", bar: ok(9), secondaryPrice: 10, lastPrints: [9, 9, 9] });
    expect(r).toMatchObject({ status: "FROZEN", reason: "DIVERGED" });
    expect(r.divergence).toBeCloseTo(0.1, 12);
  });
  it("one bad print at the close: prints [10.00, 10.01, 9.99, 10.02, 5.00] have median 10.00, the close 5.00 freezes", () => {
    const r = confirmMark({ symbol: "A", bar: ok(5), secondaryPrice: null, lastPrints: [10, 10.01, 9.99, 10.02, 5] });
    expect(r).toMatchObject({ status: "FROZEN", reason: "DIVERGED" });
    expect(r.divergence).toBeCloseTo(0.5, 12);
  });
  it("no secondary: the median of the last prints confirms a close within the band", () => {
    expect(
      confirmMark({ symbol: "A", bar: ok(10), secondaryPrice: null, lastPrints: [9.98, 10.0, 10.03, 3] }),
    ).toMatchObject({
      status: "CONFIRMED",
      mark: 10,
      confirmedBy: "PRINTS_MEDIAN",
    });
  });
  it("too few prints and no secondary: unconfirmed, frozen", () => {
    expect(confirmMark({ symbol: "A", bar: ok(10), secondaryPrice: null, lastPrints: [10, 10] })).toMatchObject({
      status: "FROZEN",
      reason: "UNCONFIRMED",
    });
  });
  it("GAP and STALE bars freeze whatever the sources say", () => {
    expect(
      confirmMark({ symbol: "A", bar: { close: 10, quality: "GAP" }, secondaryPrice: 10, lastPrints: [10, 10, 10] }),
    ).toMatchObject({ reason: "GAP" });
    expect(
      confirmMark({ symbol: "A", bar: { close: 10, quality: "STALE" }, secondaryPrice: 10, lastPrints: [10, 10, 10] }),
    ).toMatchObject({ reason: "STALE" });
  });
  it("a non-positive or non-finite close is a bad price", () => {
    expect(confirmMark({ symbol: "A", bar: ok(0), secondaryPrice: 10, lastPrints: [] })).toMatchObject({
      reason: "BAD_PRICE",
    });
    expect(confirmMark({ symbol: "A", bar: ok(Number.NaN), secondaryPrice: 10, lastPrints: [] })).toMatchObject({
      reason: "BAD_PRICE",
    });
  });
  it("median: odd and even counts, ignores unusable prints", () => {
    expect(computeMedian([3, 1, 2])).toBe(2);
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
    expect(computeMedian([Number.NaN, -1, 0])).toBeNull();
  });
  it("property: one arbitrary bad print among at least three agreeing prints never moves the confirmed mark", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.integer({ min: 3, max: 9 }),
        (p, bad, n) => {
          const prints = [...Array.from({ length: n }, () => p), bad];
          // The bad print is the close: confirmed only if it happens to lie within the band of p.
          const r = confirmMark({ symbol: "A", bar: ok(bad), secondaryPrice: null, lastPrints: prints });
          expect(r.status === "CONFIRMED").toBe(Math.abs(bad - p) / p <= 0.01);
        },
      ),
    );
  });
  it("guardMinute splits a minute into confirmed marks and frozen symbols; the band is a parameter", () => {
    const inputs = [
      { symbol: "A", bar: ok(10), secondaryPrice: 10.02, lastPrints: [] },
      { symbol: "B", bar: { close: 5, quality: "GAP" as const }, secondaryPrice: 5, lastPrints: [] },
      { symbol: "C", bar: ok(10.3), secondaryPrice: 10, lastPrints: [] },
    ];
    const r = guardMinute(inputs);
    expect([...r.confirmed]).toEqual([["A", 10]]);
    expect(r.frozen.map((f) => [f.symbol, f.reason])).toEqual([
      ["B", "GAP"],
      ["C", "DIVERGED"],
    ]);
    // a 5% band (versioned parameter) accepts C's 3%
    expect([
      ...guardMinute(
        inputs,
        resolveMarkGuardParams({ markGuard: { divergenceBand: 0.05, minPrints: 3 } }),
      ).confirmed.keys(),
    ]).toEqual(["A", "C"]);
    expect(resolveMarkGuardParams({})).toEqual({ divergenceBand: 0.01, minPrints: 3 });
  });
});
