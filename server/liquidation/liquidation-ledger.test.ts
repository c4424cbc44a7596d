// Ledger side of liquidation (R7, R8): every entry a fill, its fees, the repayment and a waterfall
// write-off produce balances, moves the client's cash and debt as intended, and the waterfall takes
// the loss in layer order without ever exceeding a layer's balance.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertBalanced, clientDeltas, debtRepaymentEntry, feeEntry, toMoney, tradeEntry, trialBalance } from "../ledger/ledger-math";
import { computeSellFees } from "./planner/fees";
import { DEFAULT_PLANNER_PARAMS } from "./planner/planner-params";
import { allocateLoss, lossAbsorbedEntry, WATERFALL_LAYERS, type WaterfallLayer } from "./waterfall-ledger";

const money = fc.integer({ min: 1, max: 1e10 }).map((fen) => new Decimal(fen).div(100));

describe("liquidation postings", () => {
  it("property: a slice's trade, fee and repayment entries balance and net to the client's cash and debt moves", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 5000 }).map((l) => l * 100), price: fc.integer({ min: 1, max: 300_000 }).map((c) => c / 100) }), { minLength: 1, maxLength: 6 }),
        money,
        (fills, debt) => {
          const entries = [];
          let net = new Decimal(0);
          for (const f of fills) {
            const gross = toMoney(f.qty * f.price);
            const fees = computeSellFees(gross.toNumber(), DEFAULT_PLANNER_PARAMS.fees);
            entries.push(tradeEntry("acc", gross));
            if (fees.total > 0) entries.push(feeEntry("acc", new Decimal(fees.total)));
            net = net.plus(gross).minus(fees.total);
          }
          const repay = Decimal.min(net, debt);
          if (repay.gt(0)) entries.push(debtRepaymentEntry("acc", repay));
          for (const e of entries) assertBalanced(e);
          const tb = trialBalance(entries);
          const total = [...tb.values()].reduce((a, b) => a.plus(b), new Decimal(0));
          expect(total.isZero()).toBe(true);
          let cash = new Decimal(0);
          let dDebt = new Decimal(0);
          for (const e of entries) {
            const d = clientDeltas(e).get("acc");
            cash = cash.plus(d?.cash ?? 0);
            dDebt = dDebt.plus(d?.debt ?? 0);
          }
          expect(cash.equals(net.minus(repay.gt(0) ? repay : 0))).toBe(true);
          expect(dDebt.equals(repay.gt(0) ? repay.neg() : 0)).toBe(true);
        },
      ),
    );
  });

  it("property: the waterfall takes the loss in order, never beyond a layer, and its entry balances", () => {
    fc.assert(
      fc.property(money, fc.tuple(money, money, money, money), (loss, bal) => {
        const balances = new Map<WaterfallLayer, Decimal>(WATERFALL_LAYERS.map((l, i) => [l, bal[i] ?? new Decimal(0)]));
        const { shares, unabsorbed } = allocateLoss(loss, balances);
        const absorbed = shares.reduce((a, s) => a.plus(s.amount), new Decimal(0));
        expect(absorbed.plus(unabsorbed).equals(toMoney(loss))).toBe(true);
        shares.forEach((s, i) => {
          expect(s.amount.lte(balances.get(s.layer) ?? 0)).toBe(true);
          expect(s.layer).toBe(WATERFALL_LAYERS[i]); // in order, no layer skipped while the loss remains
          if (i < shares.length - 1) expect(s.amount.equals(balances.get(s.layer) ?? 0)).toBe(true); // earlier layers used up
        });
        if (shares.length > 0) {
          const e = lossAbsorbedEntry("acc", shares);
          assertBalanced(e);
          expect(clientDeltas(e).get("acc")?.debt.equals(absorbed.neg())).toBe(true);
        }
      }),
    );
  });

  it("worked example: a 12,345.67 loss over layers of 5,000 / 5,000 / 1,000 / 100,000", () => {
    const balances = new Map<WaterfallLayer, Decimal>([
      ["RISK_CAPITAL", new Decimal(5000)], ["GUARANTEE_FUND", new Decimal(5000)], ["JUNIOR_TRANCHE", new Decimal(1000)], ["SENIOR_TRANCHE", new Decimal(100000)],
    ]);
    const { shares, unabsorbed } = allocateLoss(new Decimal("12345.67"), balances);
    expect(shares.map((s) => [s.layer, s.amount.toFixed(2)])).toEqual([
      ["RISK_CAPITAL", "5000.00"], ["GUARANTEE_FUND", "5000.00"], ["JUNIOR_TRANCHE", "1000.00"], ["SENIOR_TRANCHE", "1345.67"],
    ]);
    expect(unabsorbed.toFixed(2)).toBe("0.00");
    // Beyond every layer: 111,000 absorbed, the rest stays as the client's debt.
    expect(allocateLoss(new Decimal(111_500), balances).unabsorbed.toFixed(2)).toBe("500.00");
  });
});
