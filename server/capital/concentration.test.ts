import { describe, expect, it } from "vitest";
import { measureConcentration } from "./concentration";
import { proposeHedges, proxyFor } from "./hedging";
import { dailyInterest, priceClient } from "./pricing";

describe("measureConcentration", () => {
  it("works shares, top-N and HHI by hand", () => {
    // A 50 + B 30 (sector S1), C 20 (S2), total 100: shares 0.5 / 0.3 / 0.2.
    // HHI by symbol 0.25 + 0.09 + 0.04 = 0.38; by sector 0.8^2 + 0.2^2 = 0.68; top-2 share 0.8.
    const r = measureConcentration(
      [
        { symbol: "A", sector: "S1", notional: 30 },
        { symbol: "C", sector: "S2", notional: 20 },
        { symbol: "B", sector: "S1", notional: 30 },
        { symbol: "A", sector: "S1", notional: 20 },
      ],
      2,
    );
    expect(r.total).toBe(100);
    expect(r.bySymbol.map((b) => [b.key, b.share])).toEqual([
      ["A", 0.5],
      ["B", 0.3],
      ["C", 0.2],
    ]);
    expect(r.bySector.map((b) => b.key)).toEqual(["S1", "S2"]);
    expect(r.hhiSymbol).toBeCloseTo(0.38, 12);
    expect(r.hhiSector).toBeCloseTo(0.68, 12);
    expect(r.topShare).toBeCloseTo(0.8, 12);
  });
  it("an empty book has no concentration", () => {
    expect(measureConcentration([]).hhiSymbol).toBe(0);
  });
});

describe("proposeHedges", () => {
  it("maps positions to proxies and sizes whole contracts by hand", () => {
    const r = proposeHedges([
      // CSI 300: beta 1.2 x 10M = 12M; IF 3,900 x 300 = 1.17M a contract -> 10.26 -> 10 (11.7M), net 0.3M
      { symbol: "X", board: "MAIN", beta: 1.2, notional: 10_000_000, adv: 2e9 },
      // CSI 500: 0.8 x 5M = 4M; IC 5,800 x 200 = 1.16M -> 3.45 -> 3 (3.48M), net 0.52M
      { symbol: "Y", board: "MAIN", beta: 0.8, notional: 5_000_000, adv: 1e8 },
      // ChiNext ETF: 1.5 x 2M = 3M; a lot is 2.2 x 100 = 220 -> 13,636.36 -> 13,636 lots (2,999,920), net 80
      { symbol: "Z", board: "CHINEXT", beta: 1.5, notional: 2_000_000, adv: 5e8 },
    ]);
    expect(r.map((h) => [h.proxy, h.units])).toEqual([
      ["CSI300", 10],
      ["CSI500", 3],
      ["CHINEXT", 13_636],
    ]);
    expect(r[0]?.netBetaExposure).toBeCloseTo(300_000, 6);
    expect(r[1]?.netBetaExposure).toBeCloseTo(520_000, 6);
    expect(r[2]?.hedgeNotional).toBeCloseTo(2_999_920, 6);
    expect(r[2]?.netBetaExposure).toBeCloseTo(80, 6);
  });
  it("STAR names hedge with the ChiNext proxy", () => {
    expect(proxyFor({ symbol: "S", board: "STAR", beta: 1, notional: 1, adv: 1e10 })).toBe("CHINEXT");
  });
});

describe("priceClient", () => {
  it("source cost + volatility, history and term premia, by hand", () => {
    // vol 0.05 x (0.45 - 0.30) = 0.0075; history 2 x 0.0025 + 1 x 0.01 + 10 x 0.0005 = 0.02;
    // term 0.01 x 180/365 = 0.00493151; rate 0.05 + 0.0075 + 0.02 + 0.00493151 = 0.08243151
    const q = priceClient({
      sourceCost: 0.05,
      sigmaAnnual: 0.45,
      marginCalls12m: 2,
      liquidations12m: 1,
      overdueDays12m: 10,
      termDays: 180,
    });
    expect(q.volPremium).toBeCloseTo(0.0075, 12);
    expect(q.historyPremium).toBeCloseTo(0.02, 12);
    expect(q.termPremium).toBeCloseTo(0.0049315068, 9);
    expect(q.rate).toBeCloseTo(0.0824315068, 9);
    expect(q.capped).toBe(false);
  });
  it("a calm, clean client pays the source cost; history is capped at 3%; the rate at 24%", () => {
    const calm = {
      sourceCost: 0.04,
      sigmaAnnual: 0.2,
      marginCalls12m: 0,
      liquidations12m: 0,
      overdueDays12m: 0,
      termDays: 0,
    };
    expect(priceClient(calm).rate).toBe(0.04);
    expect(priceClient({ ...calm, liquidations12m: 5 }).historyPremium).toBe(0.03);
    const q = priceClient({ ...calm, sourceCost: 0.2, sigmaAnnual: 1.3 }); // 0.2 + 0.05 = 0.25 > 0.24
    expect(q.rate).toBe(0.24);
    expect(q.capped).toBe(true);
  });
  it("daily interest ACT/365: 1,000,000 at 7.3% is 200 a day", () => {
    expect(dailyInterest(1_000_000, 0.073)).toBeCloseTo(200, 9);
  });
});
