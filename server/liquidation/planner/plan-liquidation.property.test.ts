// Planner invariants (R5) on random accounts, checked against the pure margin model recomputed here from
// the legs (not from the planner's own projection).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAccount, type PositionInput } from "../../risk/margin/margin-model";
import { DEFAULT_RISK_PARAMS, type RiskParams } from "../../risk/margin/risk-params";
import { computeSellFees } from "./fees";
import { planLiquidation } from "./plan-liquidation";
import { DEFAULT_PLANNER_PARAMS as PP } from "./planner-params";
import { createSalePricer } from "./slippage";
import type { BookLevel, LiquidationPlan, PlanInput, PlannerPosition } from "./types";

const positionArb = (symbol: string) =>
  fc
    .record({
      qty: fc.integer({ min: 0, max: 60_000 }),
      sellShare: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
      price: fc.double({ min: 0.5, max: 200, noNaN: true }),
      assetClass: fc.constantFrom("MAIN_BOARD", "GROWTH"),
      liquidityTier: fc.constantFrom("T1", "T2", "T3"),
      sigma: fc.double({ min: 0, max: 0.01, noNaN: true }),
      adv: fc.double({ min: 1e5, max: 1e10, noNaN: true }),
      hedged: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
      feeContribution: fc.double({ min: 0, max: 1000, noNaN: true }),
      lotSize: fc.constantFrom(undefined, 1, 100, 200),
      flag: fc.constantFrom("none", "none", "none", "none", "none", "none", "suspended", "limitDown"),
      book: fc.option(
        fc.array(fc.tuple(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20_000 })), {
          maxLength: 5,
        }),
        { nil: undefined },
      ),
    })
    .map((r): PlannerPosition => {
      // Book levels as fractions of the mark, sorted best first.
      const bids: BookLevel[] | undefined = r.book
        ?.map(([f, q]): BookLevel => [r.price * f, q])
        .sort((a, b) => b[0] - a[0]);
      return {
        symbol,
        qty: r.qty,
        price: r.price,
        assetClass: r.assetClass,
        liquidityTier: r.liquidityTier,
        sigma: r.sigma,
        adv: r.adv,
        sellableQty: Math.floor(r.qty * r.sellShare),
        hedged: r.hedged,
        feeContribution: r.feeContribution,
        ...(r.lotSize !== undefined ? { lotSize: r.lotSize } : {}),
        ...(r.flag === "suspended" ? { suspended: true } : r.flag === "limitDown" ? { limitDown: true } : {}),
        ...(bids ? { book: { bids } } : {}),
      };
    });

const accountArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => positionArb(`S${i}`))))
  .chain((positions) => {
    const mv = positions.reduce((s, p) => s + p.qty * p.price, 0);
    return fc.record({
      cash: fc.double({ min: 0, max: 50_000, noNaN: true }),
      // Mostly distressed books (debt 60%..110% of the market value), some healthy ones.
      debt: fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: mv * 0.5, max: Math.max(1, mv * 1.05), noNaN: true }) },
        { weight: 1, arbitrary: fc.double({ min: 0, max: Math.max(1, mv * 1.1), noNaN: true }) },
      ),
      positions: fc.constant(positions),
    });
  });

const paramsArb = fc
  .double({ min: 1.31, max: 3, noNaN: true })
  .map((target): RiskParams => ({ ...DEFAULT_RISK_PARAMS, lines: { ...DEFAULT_RISK_PARAMS.lines, target } }));

const blockOf = (p: PlannerPosition) =>
  p.suspended
    ? { qty: p.qty, haircut: PP.cannotCloseHaircut.SUSPENDED }
    : p.limitDown
      ? { qty: p.qty, haircut: PP.cannotCloseHaircut.LIMIT_DOWN }
      : p.book && p.book.bids.length === 0
        ? { qty: p.qty, haircut: PP.cannotCloseHaircut.NO_BID }
        : { qty: p.qty - p.sellableQty, haircut: PP.cannotCloseHaircut.T_PLUS_ONE };

/** The account after selling `sold[symbol]` shares, priced by the book/impact pricer with fees, evaluated by the pure model. */
function recompute(input: PlanInput, params: RiskParams, sold: Map<string, number>) {
  let net = 0;
  const positions: PositionInput[] = [];
  for (const p of input.positions) {
    const x = sold.get(p.symbol) ?? 0;
    if (x > 0) {
      const gross = createSalePricer(p.price, p.sigma, p.adv, p.book?.bids, PP.impact).quote(x).gross;
      net += gross - computeSellFees(gross, PP.fees).total;
    }
    const left = p.qty - x;
    if (left <= 0) continue;
    const b = blockOf(p);
    const value = (p.qty - b.qty - x) * p.price + b.qty * p.price * (1 - b.haircut);
    positions.push({
      symbol: p.symbol,
      qty: left,
      price: value / left,
      assetClass: p.assetClass,
      liquidityTier: p.liquidityTier,
      sigma: p.sigma,
      adv: p.adv,
    });
  }
  const repaid = Math.min(input.debt, Math.max(0, net));
  const cash = input.cash + net - repaid;
  return evaluateAccount(
    { cash: Math.max(0, cash), debt: input.debt - repaid + Math.max(0, -cash), positions },
    params,
  );
}

const met = (r: ReturnType<typeof evaluateAccount>, target: number) =>
  r.marginLevel !== null ? r.marginLevel >= target : r.status !== "HARD_FLOOR";
const soldOf = (plan: LiquidationPlan) => new Map(plan.legs.map((l) => [l.symbol, l.qty]));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const RUNS = { numRuns: 400 };

describe("planLiquidation properties (R5)", () => {
  it("the projection equals the pure model recomputed from the legs; reachable plans meet the target", () => {
    fc.assert(
      fc.property(accountArb, paramsArb, (input, params) => {
        const plan = planLiquidation(input, params, PP);
        const r = recompute(input, params, soldOf(plan));
        expect(close(r.equity, plan.projected.equity)).toBe(true);
        expect(close(r.maintenanceMargin, plan.projected.maintenanceMargin)).toBe(true);
        expect(r.status).toBe(plan.projected.status);
        if (plan.reachable) expect(met(r, params.lines.target)).toBe(true);
        else
          expect(close(plan.shortfall, Math.max(0, params.lines.target * r.maintenanceMargin - r.equity))).toBe(true);
      }),
      RUNS,
    );
  });

  it("legs never exceed the sellable quantity, skip cannot-close positions and are whole lots (or the whole odd holding)", () => {
    fc.assert(
      fc.property(accountArb, paramsArb, (input, params) => {
        const plan = planLiquidation(input, params, PP);
        for (const leg of plan.legs) {
          const p = input.positions.find((q) => q.symbol === leg.symbol)!;
          const lot = p.lotSize ?? 100;
          expect(leg.qty).toBeGreaterThan(0);
          expect(leg.qty).toBeLessThanOrEqual(p.sellableQty);
          expect(p.suspended || p.limitDown).toBeFalsy();
          expect(leg.qty % lot === 0 || leg.qty === p.sellableQty).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("one lot less on the last leg misses the target (the sale is minimal)", () => {
    fc.assert(
      fc.property(accountArb, paramsArb, (input, params) => {
        const plan = planLiquidation(input, params, PP);
        const last = plan.legs[plan.legs.length - 1];
        if (!plan.reachable || !last) return;
        const lot = input.positions.find((q) => q.symbol === last.symbol)!.lotSize ?? 100;
        const sold = soldOf(plan);
        sold.set(last.symbol, (Math.ceil(last.qty / lot) - 1) * lot);
        expect(met(recompute(input, params, sold), params.lines.target)).toBe(false);
      }),
      RUNS,
    );
  });

  it("when the target is out of reach, everything sellable is sold", () => {
    fc.assert(
      fc.property(accountArb, paramsArb, (input, params) => {
        const plan = planLiquidation(input, params, PP);
        if (plan.reachable) return;
        const sold = soldOf(plan);
        for (const p of input.positions) {
          if (p.suspended || p.limitDown || (p.book && p.book.bids.length === 0) || p.price <= 0) continue;
          expect(sold.get(p.symbol) ?? 0).toBe(p.sellableQty);
        }
      }),
      RUNS,
    );
  });

  it("an unhedged position is sold before an otherwise identical hedged one", () => {
    fc.assert(
      fc.property(positionArb("A"), accountArb, paramsArb, (twin, rest, params) => {
        // "A" (hedged) sorts before "B" by symbol, so only the hedge can put B first.
        const hedged = { ...twin, symbol: "A", hedged: 1 };
        const unhedged = { ...twin, symbol: "B", hedged: 0 };
        const plan = planLiquidation({ ...rest, positions: [hedged, unhedged, ...rest.positions] }, params, PP);
        const order = plan.legs.map((l) => l.symbol);
        if (order.includes("A")) expect(order.indexOf("B")).toBeGreaterThanOrEqual(0);
        if (order.includes("A") && order.includes("B")) expect(order.indexOf("B")).toBeLessThan(order.indexOf("A"));
      }),
      RUNS,
    );
  });

  it("the plan does not depend on the order the positions are listed in (deterministic, R4 replay)", () => {
    fc.assert(
      fc.property(accountArb, paramsArb, fc.nat(), (input, params, seed) => {
        const shuffled = [...input.positions].sort(
          (a, b) => ((a.symbol.charCodeAt(1) * 7919 + seed) % 13) - ((b.symbol.charCodeAt(1) * 7919 + seed) % 13),
        );
        const legs = (i: PlanInput) => planLiquidation(i, params, PP).legs.map((l) => [l.symbol, l.qty]);
        expect(legs({ ...input, positions: shuffled })).toEqual(legs(input));
      }),
      { numRuns: 200 },
    );
  });

  it("fees and stamp duty reduce proceeds as worked by hand", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e8, noNaN: true }), (gross) => {
        const f = computeSellFees(gross, PP.fees);
        const fen = (x: number) => Math.round(x * 100) / 100;
        expect(f.commission).toBe(fen(Math.max(5, gross * 0.00025)));
        expect(f.stampDuty).toBe(fen(gross * 0.0005));
        expect(f.transferFee).toBe(fen(gross * 0.00001));
        expect(Math.abs(f.total - (f.commission + f.stampDuty + f.transferFee))).toBeLessThan(1e-9);
        expect(gross - f.total).toBeLessThan(gross);
      }),
    );
  });
});
