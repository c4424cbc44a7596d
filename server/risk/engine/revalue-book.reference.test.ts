// The optimised revalue (typed arrays, hoisted per-symbol factors, numeric status codes) against
// the simplest reference a reader can check line by line: a per-position loop over the book that
// calls the margin model's own helpers (findSizeMultiplier, clampRate, classifyStatus). Random
// parameter sets, unknown classes and tiers, zero ADV, missing market vector entries and size
// tiers without an open bound are all drawn, so each of the optimisation's shortcuts can fail it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampRate, classifyStatus, findSizeMultiplier } from "../margin/margin-model";
import { DEFAULT_RISK_PARAMS, type RiskParams, type RiskStatus } from "../margin/risk-params";
import { buildBookColumns, type BookColumns } from "./book-columns";
import { revalueBook, STATUS_CODE, type MarketVectors } from "./revalue-book";

interface RefAccount {
  marketValue: number;
  equity: number;
  maintenance: number;
  initial: number;
  marginLevel: number | null;
  status: RiskStatus;
}

function referenceRevalue(book: BookColumns, mkt: MarketVectors, params: RiskParams): RefAccount[] {
  const out: RefAccount[] = [];
  for (let a = 0; a < book.accountIds.length; a += 1) {
    let mv = 0;
    let mm = 0;
    let im = 0;
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const cls = book.assetClass[s] ?? "";
      const base = Object.hasOwn(params.base, cls) ? (params.base[cls] ?? 1) : 1;
      const tier = book.liquidityTier[s] ?? "";
      const liq = Object.hasOwn(params.liquidityMultiplier, tier) ? (params.liquidityMultiplier[tier] ?? 1) : 1;
      const ref = Object.hasOwn(params.sigmaRef, cls) ? params.sigmaRef[cls] : undefined;
      const vol = ref === undefined ? 1 : Math.max(1, (mkt.sigmas[s] ?? 0) / ref);
      const value = (book.posQty[k] ?? 0) * (mkt.prices[s] ?? 0);
      const adv = book.adv[s] ?? 0;
      const share = adv > 0 ? value / adv : value > 0 ? Infinity : 0;
      const m = clampRate(
        base * liq * vol * findSizeMultiplier(params.sizeTiers, share) * (mkt.multipliers[s] ?? 1),
        base,
      );
      mv += value;
      mm += value * m;
      im += value * Math.min(1, m * params.imMultiplier);
    }
    const debt = book.debt[a] ?? 0;
    const equity = (book.cash[a] ?? 0) + mv - debt;
    const marginLevel = mm > 0 ? equity / mm : null;
    out.push({
      marketValue: mv,
      equity,
      maintenance: mm,
      initial: im,
      marginLevel,
      status: classifyStatus(equity, debt, marginLevel, params.lines),
    });
  }
  return out;
}

const paramsArb: fc.Arbitrary<RiskParams> = fc
  .record({
    main: fc.double({ min: 0.01, max: 1, noNaN: true }),
    growth: fc.double({ min: 0.01, max: 1, noNaN: true }),
    l2: fc.double({ min: 0.5, max: 3, noNaN: true }),
    l3: fc.double({ min: 0.5, max: 3, noNaN: true }),
    refMain: fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
    refGrowth: fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
    bounds: fc.uniqueArray(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 5 }),
    mults: fc.array(fc.double({ min: 0.5, max: 4, noNaN: true }), { minLength: 6, maxLength: 6 }),
    openLast: fc.boolean(),
    imMultiplier: fc.double({ min: 1, max: 3, noNaN: true }),
    hardFloor: fc.double({ min: 0, max: 0.9, noNaN: true }),
    gap: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const bounds = [...r.bounds].sort((x, y) => x - y);
    const sizeTiers: Array<[number | null, number]> = bounds.map((b, i) => [b, r.mults[i] ?? 1]);
    if (r.openLast) sizeTiers.push([null, r.mults[5] ?? 1]);
    const [g1 = 0.1, g2 = 0.1, g3 = 0.1] = r.gap;
    const liquidation = r.hardFloor + g1;
    const warning = liquidation + g2;
    return {
      ...DEFAULT_RISK_PARAMS,
      base: { MAIN_BOARD: r.main, GROWTH: r.growth },
      liquidityMultiplier: { T1: 1, T2: r.l2, T3: r.l3 },
      sigmaRef: { MAIN_BOARD: r.refMain, GROWTH: r.refGrowth },
      sizeTiers,
      imMultiplier: r.imMultiplier,
      lines: { hardFloor: r.hardFloor, liquidation, warning, target: warning + g3 },
    };
  });

const symbolArb = fc.record({
  // "STAR" and "T9" are unknown to every drawn parameter set: margined at 100% by both.
  assetClass: fc.constantFrom("MAIN_BOARD", "GROWTH", "STAR", "constructor"),
  liquidityTier: fc.constantFrom("T1", "T2", "T3", "T9"),
  avgDailyValue: fc.oneof(fc.constant(0), fc.double({ min: 1e3, max: 5e9, noNaN: true })),
  price: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2000, noNaN: true })),
  sigma: fc.double({ min: 0, max: 0.05, noNaN: true }),
  k: fc.constantFrom(1, 1.2, 2, 5),
});

const caseArb = fc.record({
  params: paramsArb,
  syms: fc.array(symbolArb, { minLength: 1, maxLength: 10 }),
  // Market vectors shorter than the symbol list (a symbol listed after the vectors were built).
  missing: fc.nat(2),
  accounts: fc.array(
    fc.record({
      cash: fc.double({ min: 0, max: 2e6, noNaN: true }),
      debt: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5e6, noNaN: true })),
      positions: fc.array(fc.record({ s: fc.nat(9), qty: fc.integer({ min: 1, max: 2000 }).map((l) => l * 100) }), {
        maxLength: 12,
      }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
});

describe("revalueBook against the plain reference", () => {
  it("gives every account the same figures and status for random books and parameters (property)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const code = (i: number) => `S${String(i).padStart(3, "0")}`;
        const book = buildBookColumns(
          c.syms.map((s, i) => ({
            code: code(i),
            assetClass: s.assetClass,
            liquidityTier: s.liquidityTier,
            avgDailyValue: s.avgDailyValue,
            prevClose: s.price,
          })),
          c.accounts.map((a, i) => ({
            id: `acc-${String(i).padStart(3, "0")}`,
            cash: a.cash,
            debt: a.debt,
            positions: [...new Set(a.positions.map((p) => p.s % c.syms.length))].map((s) => ({
              symbol: code(s),
              qty: a.positions.find((p) => p.s % c.syms.length === s)?.qty ?? 100,
            })),
          })),
        );
        const keep = Math.max(0, book.symbols.length - c.missing);
        const pick = (f: (s: (typeof c.syms)[number]) => number) =>
          Float64Array.from(book.symbols.slice(0, keep).map((sc) => f(c.syms[Number(sc.slice(1))] ?? c.syms[0]!)));
        const mkt = { prices: pick((s) => s.price), sigmas: pick((s) => s.sigma), multipliers: pick((s) => s.k) };
        const got = revalueBook(book, mkt, c.params);
        const want = referenceRevalue(book, mkt, c.params);
        const counts = { HEALTHY: 0, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 0 };
        want.forEach((w, a) => {
          expect(got.marketValue[a]).toBe(w.marketValue);
          expect(got.equity[a]).toBe(w.equity);
          expect(got.maintenance[a]).toBe(w.maintenance);
          expect(got.initial[a]).toBe(w.initial);
          expect(got.marginLevel[a]).toBe(w.marginLevel ?? NaN);
          expect(got.status[a]).toBe(STATUS_CODE[w.status]);
          counts[w.status] += 1;
        });
        expect(got.counts).toEqual(counts);
      }),
      { numRuns: 400 },
    );
  });

  it("margins an unknown asset class at 100% and a zero-ADV holding at the open tier, worked by hand", () => {
    // 1,000 x 10 CNY of an unknown class: m = clamp(1 x 1 x 1 x S x 1, 1) = 1, MM = 10,000.
    // 100 x 50 CNY MAIN_BOARD T1 with ADV 0: share = Infinity -> tier multiplier 3, m = 0.12 x 3 = 0.36,
    // MM = 5,000 x 0.36 = 1,800; IM rate min(1, 0.54) -> IM 2,700. Debt 12,000, cash 0:
    // E = 15,000 - 12,000 = 3,000; ML = 3,000 / 11,800 = 0.2542 < 0.5 -> HARD_FLOOR.
    const book = buildBookColumns(
      [
        { code: "X", assetClass: "OTC", liquidityTier: "T1", avgDailyValue: 1e9, prevClose: 10 },
        { code: "Y", assetClass: "MAIN_BOARD", liquidityTier: "T1", avgDailyValue: 0, prevClose: 50 },
      ],
      [
        {
          id: "a",
          cash: 0,
          debt: 12_000,
          positions: [
            { symbol: "X", qty: 1000 },
            { symbol: "Y", qty: 100 },
          ],
        },
      ],
    );
    const f = revalueBook(
      book,
      { prices: Float64Array.of(10, 50), sigmas: Float64Array.of(0, 0), multipliers: Float64Array.of(1, 1) },
      DEFAULT_RISK_PARAMS,
    );
    expect(f.marketValue[0]).toBe(15_000);
    expect(f.maintenance[0]).toBeCloseTo(11_800, 6);
    expect(f.initial[0]).toBeCloseTo(10_000 + 2_700, 6);
    expect(f.marginLevel[0]).toBeCloseTo(3_000 / 11_800, 12);
    expect(f.status[0]).toBe(STATUS_CODE.HARD_FLOOR);
    expect(f.counts).toEqual({ HEALTHY: 0, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 1 });
  });
});
