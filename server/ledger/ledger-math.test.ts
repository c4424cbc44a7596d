// P2 ledger invariants: every entry balances; replaying random sequences of deposits, withdrawals
// (sent, settled, failed) and reversals keeps client cash equal to the CLIENT_CASH balance and the
// books balanced; hand-worked opening entry.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  debtRepaymentEntry,
  feeEntry,
  interestAccrualEntry,
  tradeEntry,
  assertBalanced,
  clientDeltas,
  depositEntry,
  depositReversedEntry,
  openingEntry,
  trialBalance,
  UnbalancedEntryError,
  withdrawalFailedEntry,
  withdrawalReversedEntry,
  withdrawalSentEntry,
  withdrawalSettledEntry,
  type EntryDraft,
} from "./ledger-math";

const sum = (e: EntryDraft) => e.postings.reduce((s, p) => s.plus(p.amount), new Decimal(0));

describe("ledger entries", () => {
  it("opens 1,000.10 cash and 2,500.00 debt as two balanced pairs", () => {
    const e = openingEntry("A1", new Decimal("1000.10"), new Decimal("2500"));
    expect(e.postings.map((p) => [p.ledgerAccount, p.amount.toFixed(2)])).toEqual([
      ["CUSTODY", "1000.10"],
      ["CLIENT_CASH", "-1000.10"],
      ["CLIENT_DEBT", "2500.00"],
      ["FUNDING", "-2500.00"],
    ]);
    const d = clientDeltas(e).get("A1");
    expect(d?.cash.toFixed(2)).toBe("1000.10");
    expect(d?.debt.toFixed(2)).toBe("2500.00");
  });

  it("refuses an unbalanced entry, a single line, fractions of a fen and non-positive amounts", () => {
    const bad: EntryDraft = {
      kind: "DEPOSIT",
      postings: [
        { ledgerAccount: "CUSTODY", accountId: null, amount: new Decimal("10.00") },
        { ledgerAccount: "CLIENT_CASH", accountId: "A", amount: new Decimal("-9.99") },
      ],
    };
    expect(() => assertBalanced(bad)).toThrow(UnbalancedEntryError);
    expect(() =>
      assertBalanced({
        kind: "DEPOSIT",
        postings: [{ ledgerAccount: "CUSTODY", accountId: null, amount: new Decimal(0) }],
      }),
    ).toThrow(/two postings/);
    expect(() =>
      assertBalanced({
        kind: "DEPOSIT",
        postings: [
          { ledgerAccount: "CUSTODY", accountId: null, amount: new Decimal("0.001") },
          { ledgerAccount: "CLIENT_CASH", accountId: "A", amount: new Decimal("-0.001") },
        ],
      }),
    ).toThrow(/fen/);
    expect(() => depositEntry("A", new Decimal(0))).toThrow(/positive/);
    expect(() => withdrawalSentEntry("A", new Decimal(-5))).toThrow(/positive/);
  });

  it("rounds 0.1 + 0.2 exactly (no floats): a 0.30 deposit moves cash by 0.30", () => {
    const e = depositEntry("A", new Decimal(0.1).plus(0.2));
    expect(clientDeltas(e).get("A")?.cash.toFixed(2)).toBe("0.30");
  });
});

describe("ledger entries for the risk engine (fills, repayment, fees, interest)", () => {
  it("a liquidation: sale 10,000.00, fee 5.00, repay 9,995.00, interest 1.23 moves cash and debt as worked by hand", () => {
    const entries = [
      tradeEntry("A", new Decimal("10000")),
      feeEntry("A", new Decimal("5")),
      debtRepaymentEntry("A", new Decimal("9995")),
      interestAccrualEntry("A", new Decimal("1.23")),
    ];
    const cash = entries.reduce((s, e) => s.plus(clientDeltas(e).get("A")?.cash ?? 0), new Decimal(0));
    const debt = entries.reduce((s, e) => s.plus(clientDeltas(e).get("A")?.debt ?? 0), new Decimal(0));
    expect(cash.toFixed(2)).toBe("0.00"); // +10,000 - 5 - 9,995
    expect(debt.toFixed(2)).toBe("-9993.77"); // -9,995 + 1.23
    for (const e of entries) expect(sum(e).isZero()).toBe(true);
    expect(
      clientDeltas(tradeEntry("A", new Decimal("-250.50")))
        .get("A")
        ?.cash.toFixed(2),
    ).toBe("-250.50");
    expect(() => tradeEntry("A", new Decimal(0))).toThrow(/zero/);
  });
});

type Op =
  | { op: "deposit"; acct: number; fen: number }
  | { op: "reverseDeposit"; idx: number }
  | { op: "withdraw"; acct: number; fen: number; outcome: "settle" | "fail" | "settleReverse" | "inTransit" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("deposit" as const),
    acct: fc.integer({ min: 0, max: 3 }),
    fen: fc.integer({ min: 1, max: 10_000_000 }),
  }),
  fc.record({ op: fc.constant("reverseDeposit" as const), idx: fc.nat() }),
  fc.record({
    op: fc.constant("withdraw" as const),
    acct: fc.integer({ min: 0, max: 3 }),
    fen: fc.integer({ min: 1, max: 10_000_000 }),
    outcome: fc.constantFrom("settle" as const, "fail" as const, "settleReverse" as const, "inTransit" as const),
  }),
);

describe("ledger properties (fast-check)", () => {
  it("balances every entry and keeps cash equal to the ledger after random sequences", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_00 }), { minLength: 4, maxLength: 4 }),
        fc.array(opArb, { maxLength: 60 }),
        (opening, ops) => {
          const ids = ["A0", "A1", "A2", "A3"];
          const cash = new Map<string, Decimal>();
          const entries: EntryDraft[] = [];
          const apply = (e: EntryDraft) => {
            expect(sum(e).isZero()).toBe(true);
            entries.push(e);
            for (const [id, d] of clientDeltas(e)) cash.set(id, (cash.get(id) ?? new Decimal(0)).plus(d.cash));
          };
          ids.forEach((id, i) => apply(openingEntry(id, new Decimal(opening[i] ?? 0).div(100), new Decimal(500))));
          const deposits: Array<{ id: string; amt: Decimal; reversed: boolean }> = [];
          for (const o of ops) {
            if (o.op === "deposit") {
              const id = ids[o.acct] ?? "A0";
              const amt = new Decimal(o.fen).div(100);
              apply(depositEntry(id, amt));
              deposits.push({ id, amt, reversed: false });
            } else if (o.op === "reverseDeposit") {
              const d = deposits[o.idx % Math.max(1, deposits.length)];
              if (!d || d.reversed) continue;
              d.reversed = true;
              apply(depositReversedEntry(d.id, d.amt));
            } else {
              const id = ids[o.acct] ?? "A0";
              const amt = new Decimal(o.fen).div(100);
              if ((cash.get(id) ?? new Decimal(0)).lt(amt)) continue; // the service refuses overdrafts
              apply(withdrawalSentEntry(id, amt));
              if (o.outcome === "fail") apply(withdrawalFailedEntry(id, amt));
              if (o.outcome === "settle" || o.outcome === "settleReverse") apply(withdrawalSettledEntry(amt));
              if (o.outcome === "settleReverse") apply(withdrawalReversedEntry(id, amt));
            }
          }
          const tb = trialBalance(entries);
          const total = [...tb.values()].reduce((s, v) => s.plus(v), new Decimal(0));
          expect(total.isZero()).toBe(true);
          for (const id of ids) {
            const ledgerCash = (tb.get(`CLIENT_CASH:${id}`) ?? new Decimal(0)).neg();
            expect(ledgerCash.toFixed(2)).toBe((cash.get(id) ?? new Decimal(0)).toFixed(2));
            // No >= 0 assertion: a chargeback after the money was withdrawn leaves the client owing (negative cash),
            // which the margin check then treats as a shortfall (fast-check found this case).
          }
          // Custody holds exactly the client money plus what is still in transit.
          const custody = tb.get("CUSTODY") ?? new Decimal(0);
          const clientMoney = ids.reduce(
            (s, id) => s.plus((tb.get(`CLIENT_CASH:${id}`) ?? new Decimal(0)).neg()),
            new Decimal(0),
          );
          const inTransit = (tb.get("IN_TRANSIT") ?? new Decimal(0)).neg();
          expect(custody.toFixed(2)).toBe(clientMoney.plus(inTransit).toFixed(2));
        },
      ),
      { numRuns: 200 },
    );
  });
});
