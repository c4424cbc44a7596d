// Ledger side of liquidation (R7, R8): every entry a fill, its fees, the repayment and a waterfall
// write-off produce balances, moves the client's cash and debt as intended, and the waterfall takes
// exactly what the layers absorbed off the client's loan (allocation: ./waterfall/allocate-loss.ts).
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertBalanced,
  clientDeltas,
  debtRepaymentEntry,
  feeEntry,
  toMoney,
  tradeEntry,
  trialBalance,
} from "../ledger/ledger-math";
import { computeSellFees } from "./planner/fees";
import { DEFAULT_PLANNER_PARAMS } from "./planner/planner-params";
import { allocateLoss } from "./waterfall/allocate-loss";
import { lossAbsorbedEntry, type WaterfallLayer } from "./waterfall-ledger";

const money = fc.integer({ min: 1, max: 1e10 }).map((fen) => new Decimal(fen).div(100));

describe("liquidation postings", () => {
  it("property: a slice's trade, fee and repayment entries balance and net to the client's cash and debt moves", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qty: fc.integer({ min: 1, max: 5000 }).map((l) => l * 100),
            price: fc.integer({ min: 1, max: 300_000 }).map((c) => c / 100),
          }),
          { minLength: 1, maxLength: 6 },
        ),
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

  it("property: the waterfall write-off balances and lowers the client's debt by exactly what the layers absorb", () => {
    fc.assert(
      fc.property(money, fc.tuple(money, money, money, money), (loss, bal) => {
        const r = allocateLoss(loss, {
          CLIENT_MARGIN: 0,
          RISK_CAPITAL: bal[0],
          GUARANTEE_FUND: bal[1],
          JUNIOR_TRANCHE: bal[2],
          SENIOR_TRANCHE: bal[3],
        });
        const shares = r.allocations
          .filter((a) => a.layer !== "CLIENT_MARGIN" && a.absorbed.gt(0))
          .map((a) => ({ layer: a.layer as WaterfallLayer, amount: a.absorbed }));
        if (shares.length === 0) return;
        const e = lossAbsorbedEntry("acc", shares);
        assertBalanced(e);
        expect(clientDeltas(e).get("acc")?.debt.equals(r.absorbed.neg())).toBe(true);
        // each layer's posting is a debit: its credit balance (capacity) falls by its share
        for (const p of e.postings) if (p.ledgerAccount !== "CLIENT_DEBT") expect(p.amount.gt(0)).toBe(true);
      }),
    );
  });

  it("worked example: 12,345.67 over layers of 5,000 / 5,000 / 1,000 / 100,000 posts four debits and one credit", () => {
    const r = allocateLoss("12345.67", {
      CLIENT_MARGIN: 0,
      RISK_CAPITAL: 5000,
      GUARANTEE_FUND: 5000,
      JUNIOR_TRANCHE: 1000,
      SENIOR_TRANCHE: 100000,
    });
    const shares = r.allocations
      .filter((a) => a.layer !== "CLIENT_MARGIN")
      .map((a) => ({ layer: a.layer as WaterfallLayer, amount: a.absorbed }));
    const e = lossAbsorbedEntry("acc", shares);
    expect(e.postings.map((p) => [p.ledgerAccount, p.amount.toFixed(2)])).toEqual([
      ["RISK_CAPITAL", "5000.00"],
      ["GUARANTEE_FUND", "5000.00"],
      ["JUNIOR_TRANCHE", "1000.00"],
      ["SENIOR_TRANCHE", "1345.67"],
      ["CLIENT_DEBT", "-12345.67"],
    ]);
  });
});
