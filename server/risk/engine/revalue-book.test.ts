// Properties of the tick (R4): for random books the columnar revaluation gives each account
// exactly the pure model's figures and status; the tick is deterministic; and the recorded
// (serialized) book replays to the same statuses. Plus a hand-worked margin call life cycle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAccount } from "../margin/margin-model";
import { DEFAULT_RISK_PARAMS as P } from "../margin/risk-params";
import {
  buildBookColumns,
  deserializeBook,
  digestBook,
  serializeBook,
  type AccountRow,
  type SymbolRow,
} from "./book-columns";
import { revalueBook, statusOfCode } from "./revalue-book";
import { decideTick, type OpenCall } from "./tick-decisions";

const symbolArb = fc.record({
  assetClass: fc.constantFrom("MAIN_BOARD", "GROWTH"),
  liquidityTier: fc.constantFrom("T1", "T2", "T3"),
  avgDailyValue: fc.double({ min: 1e4, max: 5e9, noNaN: true }),
  price: fc.double({ min: 0.5, max: 500, noNaN: true }),
  sigma: fc.double({ min: 0, max: 0.02, noNaN: true }),
  k: fc.constantFrom(1, 1, 1, 1.5, 2),
});

const bookArb = fc.array(symbolArb, { minLength: 1, maxLength: 12 }).chain((syms) =>
  fc.record({
    syms: fc.constant(syms),
    accounts: fc.array(
      fc.record({
        cash: fc.double({ min: 0, max: 1e6, noNaN: true }),
        debt: fc.double({ min: 0, max: 2e6, noNaN: true }),
        positions: fc.uniqueArray(
          fc.record({ s: fc.nat(syms.length - 1), qty: fc.integer({ min: 1, max: 500 }).map((l) => l * 100) }),
          {
            selector: (p) => p.s,
            maxLength: syms.length,
          },
        ),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  }),
);

type BookSpec = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

function build(b: BookSpec) {
  const code = (i: number) => `${String(600000 + i)}.SH`;
  const symbols: SymbolRow[] = b.syms.map((s, i) => ({
    code: code(i),
    assetClass: s.assetClass,
    liquidityTier: s.liquidityTier,
    avgDailyValue: s.avgDailyValue,
    prevClose: s.price,
  }));
  const accounts: AccountRow[] = b.accounts.map((a, i) => ({
    id: `acc-${String(i).padStart(4, "0")}`,
    cash: a.cash,
    debt: a.debt,
    positions: a.positions.map((p) => ({ symbol: code(p.s), qty: p.qty })),
  }));
  const book = buildBookColumns(symbols, accounts);
  const bySym = new Map(b.syms.map((s, i) => [code(i), s]));
  const vec = (f: (s: (typeof b.syms)[number]) => number) =>
    Float64Array.from(book.symbols.map((c) => f(bySym.get(c) ?? b.syms[0] ?? ({} as never))));
  return {
    book,
    accounts,
    mkt: { prices: vec((s) => s.price), sigmas: vec((s) => s.sigma), multipliers: vec((s) => s.k) },
    bySym,
  };
}

describe("the tick over a columnar book", () => {
  it("gives every account the pure model's figures and status (property)", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const { book, accounts, mkt, bySym } = build(b);
        const f = revalueBook(book, mkt, P);
        for (const acc of accounts) {
          const a = book.accountIndex.get(acc.id) ?? -1;
          const positions = [...acc.positions]
            .sort((x, y) => (x.symbol < y.symbol ? -1 : 1))
            .map((p) => {
              const s = bySym.get(p.symbol);
              return {
                symbol: p.symbol,
                qty: p.qty,
                price: s?.price ?? 0,
                assetClass: s?.assetClass ?? "",
                liquidityTier: s?.liquidityTier ?? "",
                sigma: s?.sigma ?? 0,
                adv: s?.avgDailyValue ?? 0,
                marginMultiplier: s?.k ?? 1,
              };
            });
          const r = evaluateAccount({ cash: acc.cash, debt: acc.debt, positions }, P);
          expect(statusOfCode(f.status[a] ?? 0)).toBe(r.status);
          expect(f.equity[a]).toBe(r.equity);
          expect(f.maintenance[a]).toBe(r.maintenanceMargin);
          expect(f.initial[a]).toBe(r.initialMargin);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic, and the recorded book replays to the same statuses (property)", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const { book, mkt } = build(b);
        const first = revalueBook(book, mkt, P);
        const again = revalueBook(book, mkt, P);
        expect(Array.from(again.status)).toEqual(Array.from(first.status));
        expect(Array.from(again.equity)).toEqual(Array.from(first.equity));
        const sb = serializeBook(book);
        // Through a Buffer at an odd offset, as a database driver may hand it back.
        const stored = Buffer.concat([Buffer.from([0]), Buffer.from(sb.data)]).subarray(1);
        const replayed = deserializeBook({
          ...JSON.parse(JSON.stringify({ ...sb, data: null })),
          data: stored,
        } as typeof sb);
        expect(digestBook(serializeBook(replayed))).toBe(digestBook(sb));
        expect(Array.from(revalueBook(replayed, mkt, P).status)).toEqual(Array.from(first.status));
        const args = {
          accountIds: book.accountIds,
          previous: new Uint8Array(book.accountIds.length),
          figures: first,
          openCalls: new Map<string, OpenCall>(),
          closeTs: 60_000,
          warningLine: 1.3,
          marginCallMinutes: 30,
        };
        expect(decideTick(args)).toEqual(decideTick(args));
      }),
      { numRuns: 100 },
    );
  });
});

describe("margin call life cycle (R3, R4)", () => {
  // One position 1,000 x 10 CNY, m 0.12: MM 1,200. Debt 8,500 -> E 1,500, ML 1.25 (WARNING).
  const symbols: SymbolRow[] = [
    { code: "600000.SH", assetClass: "MAIN_BOARD", liquidityTier: "T1", avgDailyValue: 1e9, prevClose: 10 },
  ];
  const book = buildBookColumns(symbols, [
    { id: "a", cash: 0, debt: 8500, positions: [{ symbol: "600000.SH", qty: 1000 }] },
  ]);
  const at = (price: number) =>
    revalueBook(
      book,
      { prices: Float64Array.of(price), sigmas: Float64Array.of(0), multipliers: Float64Array.of(1) },
      P,
    );
  const base = { accountIds: book.accountIds, warningLine: 1.3, marginCallMinutes: 30 };

  it("opens a call with the deposit that restores ML 1.3: 1.3 x 1,200 - 1,500 = 60", () => {
    const d = decideTick({
      ...base,
      previous: Uint8Array.of(0),
      figures: at(10),
      openCalls: new Map(),
      closeTs: 60_000,
    });
    expect(d.changes).toEqual([
      { accountId: "a", from: "HEALTHY", to: "WARNING", marginLevel: 1.25, equity: 1500, maintenance: 1200 },
    ]);
    expect(d.opened).toEqual([
      { accountId: "a", status: "WARNING", marginLevel: 1.25, requiredDeposit: 60, deadline: 60_000 + 30 * 60_000 },
    ]);
  });

  it("escalates at the deadline, records a worse status, closes on recovery", () => {
    const call: OpenCall = { id: "c1", accountId: "a", deadline: 120_000, escalated: false, worstStatus: "WARNING" };
    const calls = new Map([["a", call]]);
    const before = decideTick({
      ...base,
      previous: Uint8Array.of(1),
      figures: at(10),
      openCalls: calls,
      closeTs: 60_000,
    });
    expect(before.escalated).toEqual([]);
    // price 9.4: MV 9,400, E 900, MM 1,128, ML 0.798 -> LIQUIDATION, deadline reached
    const late = decideTick({
      ...base,
      previous: Uint8Array.of(1),
      figures: at(9.4),
      openCalls: calls,
      closeTs: 120_000,
    });
    expect(late.changes[0]?.to).toBe("LIQUIDATION");
    expect(late.worsened).toEqual([
      { callId: "c1", worstStatus: "LIQUIDATION", marginLevel: late.changes[0]?.marginLevel },
    ]);
    expect(late.escalated.map((e) => e.callId)).toEqual(["c1"]);
    // price 11: E 2,500, MM 1,320, ML 1.89 -> HEALTHY, the call closes
    const back = decideTick({
      ...base,
      previous: Uint8Array.of(2),
      figures: at(11),
      openCalls: calls,
      closeTs: 180_000,
    });
    expect(back.closed).toEqual([{ callId: "c1", accountId: "a", marginLevel: 2500 / 1320 }]);
    expect(back.opened).toEqual([]);
  });
});
