// S2 rules on hand-built event sequences just inside and just outside each threshold.
import { describe, expect, it } from "vitest";
import { clusterAccounts, clusterIndex } from "../clusters";
import { runRules } from "./rule-engine";
import type { WashContext } from "./wash";
import type { Hit, OrderEvent, PaymentEvent } from "./types";

// 2026-12-01 09:30:00 Asia/Shanghai = 01:30 UTC
const T0 = Date.UTC(2026, 11, 1, 1, 30);
let seq = 0;
function ev(
  ts: number,
  account: string,
  type: OrderEvent["type"],
  side: OrderEvent["side"] = "BUY",
  more: Partial<OrderEvent> = {},
): OrderEvent {
  seq += 1;
  return { ts, account, symbol: "600000", type, side, orderId: `o${seq}`, price: 10, qty: 100, ...more };
}
const rules = (hits: Hit[], rule: string) => hits.filter((h) => h.rule === rule);

/** n NEW/CANCEL events of one account evenly inside [start, start + spanMs]. */
function burst(account: string, n: number, start: number, spanMs: number): OrderEvent[] {
  return Array.from({ length: n }, (_, i) =>
    ev(start + (n === 1 ? 0 : Math.floor((i * spanMs) / (n - 1))), account, i % 2 ? "CANCEL" : "NEW"),
  );
}

describe("HIGH_FREQUENCY_SECOND (>= 300 NEW+CANCEL in some [t, t + 1000))", () => {
  it("299 within 999 ms: no hit; 300 within 999 ms: a hit counting 300", () => {
    expect(rules(runRules(burst("A", 299, T0, 999)), "HIGH_FREQUENCY_SECOND")).toEqual([]);
    const hits = rules(runRules(burst("A", 300, T0, 999)), "HIGH_FREQUENCY_SECOND");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ accounts: ["A"], day: "2026-12-01", count: 300 });
    expect(hits[0]?.evidence.orders).toHaveLength(100); // capped evidence
    expect(hits[0]?.evidence.truncated).toBe(true);
  });
  it("300 events spread over exactly 1000 ms (last at t + 1000) fall in no half-open window: max 299", () => {
    const events = [...burst("A", 299, T0, 999), ev(T0 + 1000, "A", "NEW")];
    expect(rules(runRules(events), "HIGH_FREQUENCY_SECOND")).toEqual([]);
  });
  it("TRADE events do not count; events in any order", () => {
    const events = [...burst("A", 299, T0, 500), ev(T0 + 10, "A", "TRADE")].reverse();
    expect(rules(runRules(events), "HIGH_FREQUENCY_SECOND")).toEqual([]);
  });
  it("one hit per account and day, with the largest count", () => {
    const events = [...burst("A", 300, T0, 900), ...burst("A", 350, T0 + 60_000, 900)];
    const hits = rules(runRules(events), "HIGH_FREQUENCY_SECOND");
    expect(hits.map((h) => h.count)).toEqual([350]);
  });
});

describe("HIGH_FREQUENCY_DAY (>= 20,000 NEW+CANCEL in an Asia/Shanghai day)", () => {
  // 19,999 events spaced 1 s apart never put 300 in a second.
  const spaced = (n: number, start: number) => burst("B", n, start, (n - 1) * 1000);
  it("19,999: no hit; 20,000: a hit counting 20,000", () => {
    expect(rules(runRules(spaced(19_999, T0 - 3_600_000)), "HIGH_FREQUENCY_DAY")).toEqual([]);
    const hits = rules(runRules(spaced(20_000, T0 - 3_600_000)), "HIGH_FREQUENCY_DAY");
    expect(hits).toMatchObject([{ accounts: ["B"], day: "2026-12-01", count: 20_000 }]);
  });
  it("the day is the Shanghai day: 10,000 before and 10,000 after Shanghai midnight are two days, no hit", () => {
    const midnight = Date.UTC(2026, 11, 1, 16, 0); // 2026-12-02 00:00 +08:00
    const events = [
      ...burst("B", 10_000, midnight - 10_001_000, 9_999_000),
      ...burst("B", 10_000, midnight, 9_999_000),
    ];
    expect(rules(runRules(events), "HIGH_FREQUENCY_DAY")).toEqual([]);
    const one = rules(runRules(events, { params: { hfPerDay: 10_000 } }), "HIGH_FREQUENCY_DAY");
    expect(one.map((h) => h.day)).toEqual(["2026-12-01", "2026-12-02"]);
  });
});

describe("CANCEL_RATIO (>= 50 NEW and CANCEL/NEW >= 0.9)", () => {
  const day = (news: number, cancels: number) => [
    ...Array.from({ length: news }, (_, i) => ev(T0 + i * 2000, "C", "NEW")),
    ...Array.from({ length: cancels }, (_, i) => ev(T0 + i * 2000 + 1000, "C", "CANCEL")),
  ];
  it("50 NEW, 45 CANCEL (0.90): a hit; 44 (0.88): none; 49 NEW 49 CANCEL: too few orders", () => {
    expect(rules(runRules(day(50, 45)), "CANCEL_RATIO")).toMatchObject([{ count: 45, score: 0.9 }]);
    expect(rules(runRules(day(50, 44)), "CANCEL_RATIO")).toEqual([]);
    expect(rules(runRules(day(49, 49)), "CANCEL_RATIO")).toEqual([]);
  });
});

describe("ORDER_RATE_ZSCORE (a minute against the account's own baseline)", () => {
  // Baseline minutes alternate 9 and 11 orders: mean 10, sample sd ~1.02; a 100-order minute is z ~ 88.
  const baseline = (minutes: number) =>
    Array.from({ length: minutes }, (_, m) => burst("Z", m % 2 ? 11 : 9, T0 + m * 60_000, 50_000)).flat();
  it("after 30 baseline minutes a 100-order minute is a hit; after 29 it is not", () => {
    const spike = (m: number) => burst("Z", 100, T0 + m * 60_000, 50_000);
    const hit = rules(runRules([...baseline(30), ...spike(30)]), "ORDER_RATE_ZSCORE");
    expect(hit).toHaveLength(1);
    expect(hit[0]?.count).toBe(100);
    expect(hit[0]?.score).toBeGreaterThan(80);
    expect(rules(runRules([...baseline(29), ...spike(29)]), "ORDER_RATE_ZSCORE")).toEqual([]);
  });
  it("a minute below zMinCount is never a hit however quiet the baseline", () => {
    const quiet = Array.from({ length: 40 }, (_, m) => ev(T0 + m * 60_000, "Z", "NEW"));
    const hits = runRules([...quiet, ...burst("Z", 59, T0 + 40 * 60_000, 50_000)]);
    expect(rules(hits, "ORDER_RATE_ZSCORE")).toEqual([]);
  });
});

function linked(pairs: [string, string, string][]): WashContext {
  const links = pairs.map(([a, b, kind]) => ({ a, b, kind }));
  const idx = clusterIndex(clusterAccounts(links.filter((l) => l.kind !== "RELATED")));
  return {
    groupOf: (a) => idx.get(a),
    relatedPairs: new Set(links.filter((l) => l.kind === "RELATED").map((l) => [l.a, l.b].sort().join("|"))),
  };
}

describe("WASH_TRADE (counterparty the same account or in the account's cluster)", () => {
  const ctx = linked([["W1", "W2", "DEVICE"]]);
  it("both sides of one trade count once; a self trade is a wash trade; unlinked is not", () => {
    const events = [
      ev(T0, "W1", "TRADE", "BUY", { counterparty: "W2" }),
      ev(T0, "W2", "TRADE", "SELL", { counterparty: "W1" }),
      ev(T0 + 5000, "W2", "TRADE", "BUY", { counterparty: "W1", price: 10.1 }),
      ev(T0 + 9000, "S", "TRADE", "BUY", { counterparty: "S" }),
      ev(T0 + 9000, "X", "TRADE", "BUY", { counterparty: "W1" }),
    ];
    const hits = rules(runRules(events, { ctx }), "WASH_TRADE");
    expect(hits.map((h) => [h.accounts, h.count])).toEqual([
      [["W1", "W2"], 2],
      [["S"], 1],
    ]);
    expect(hits[0]?.evidence.orders).toHaveLength(3);
  });
});

describe("WASH_TRADE_MATCHED (linked accounts, opposite sides, close price and size, within 5 s)", () => {
  const ctx = linked([["W1", "W2", "IP"]]);
  const pair = (dt: number, price2 = 10, qty2 = 1000) => [
    ev(T0, "W1", "TRADE", "BUY", { qty: 1000 }),
    ev(T0 + dt, "W2", "TRADE", "SELL", { price: price2, qty: qty2 }),
  ];
  const found = (events: OrderEvent[]) => rules(runRules(events, { ctx }), "WASH_TRADE_MATCHED").length;
  it("window edges: 5,000 ms apart is inside, 5,001 ms outside", () => {
    expect(found(pair(5000))).toBe(1);
    expect(found(pair(5001))).toBe(0);
  });
  it("price within 20 bps (10.00 vs 10.02) matches, 10.03 does not; size within 10% (900) matches, 899 not", () => {
    expect(found(pair(100, 10.02))).toBe(1);
    expect(found(pair(100, 10.03))).toBe(0);
    expect(found(pair(100, 10, 900))).toBe(1);
    expect(found(pair(100, 10, 899))).toBe(0);
  });
  it("same side or unlinked accounts never match", () => {
    expect(found([ev(T0, "W1", "TRADE", "BUY"), ev(T0 + 10, "W2", "TRADE", "BUY")])).toBe(0);
    expect(found([ev(T0, "W1", "TRADE", "BUY"), ev(T0 + 10, "Q", "TRADE", "SELL")])).toBe(0);
  });
});

describe("RELATED_PARTY_TRADE", () => {
  it("a trade with a declared related party is a hit; with anyone else it is not", () => {
    const ctx = linked([["R1", "R2", "RELATED"]]);
    const hits = runRules(
      [ev(T0, "R1", "TRADE", "BUY", { counterparty: "R2" }), ev(T0, "R1", "TRADE", "BUY", { counterparty: "R3" })],
      { ctx },
    );
    expect(hits.map((h) => [h.rule, h.accounts])).toEqual([["RELATED_PARTY_TRADE", ["R1", "R2"]]]);
  });
});

describe("SPOOFING (large orders away from the touch cancelled within 5 s, then an opposite execution within 10 s)", () => {
  // The market trades at 10.00 first: that is the touch the layers rest away from.
  const pattern = (cancelAfter: number, tradeAfter: number, layers = 2, layerPrice = (i: number) => 10.2 + i / 100) => {
    const out: OrderEvent[] = [ev(T0 - 1000, "MKT", "TRADE", "SELL", { qty: 500, price: 10 })];
    for (let i = 0; i < layers; i++) {
      const n = ev(T0, "SP", "NEW", "SELL", { qty: 50_000, price: layerPrice(i) });
      out.push(n, ev(T0 + cancelAfter, "SP", "CANCEL", "SELL", { orderId: n.orderId, qty: 50_000 }));
    }
    out.push(ev(T0 + cancelAfter + tradeAfter, "SP", "TRADE", "BUY", { qty: 1000 }));
    return out;
  };
  const found = (events: OrderEvent[]) => rules(runRules(events), "SPOOFING");
  it("cancelled at 5,000 ms and executed 10,000 ms later: a hit with both layers as evidence", () => {
    const hits = found(pattern(5000, 10_000));
    expect(hits).toMatchObject([{ accounts: ["SP"], count: 2 }]);
    expect(hits[0]?.evidence.orders).toHaveLength(3);
  });
  it("cancelled at 5,001 ms, executed at 10,001 ms, or one layer only: no hit", () => {
    expect(found(pattern(5001, 100))).toEqual([]);
    expect(found(pattern(100, 10_001))).toHaveLength(0);
    expect(found(pattern(100, 100, 1))).toEqual([]);
  });
  it("layers 20.1 bps above a 10.00 touch count; 19.9 bps, a sell below the touch, or no trade yet: no hit", () => {
    expect(found(pattern(100, 100, 2, () => 10.0201))).toHaveLength(1);
    expect(found(pattern(100, 100, 2, () => 10.0199))).toEqual([]);
    expect(found(pattern(100, 100, 2, () => 9.9))).toEqual([]);
    expect(found(pattern(100, 100).slice(1))).toEqual([]);
  });
  it("orders below spoofMinQty are not layers", () => {
    const small = pattern(100, 100).map((e) => (e.type === "TRADE" ? e : { ...e, qty: 49_999 }));
    expect(found(small)).toEqual([]);
  });
});

describe("PRICE_PUSH (3 one-minute pushes >= 50 bps with >= 30% of the volume, within 30 minutes)", () => {
  // Each minute: six buyers take 100 shares each at 10.00, then the pusher lifts the price to
  // 10.00 * (1 + bps) buying `pusherQty`: with 300 of 900 bought it has 33% of the volume.
  const minute = (m: number, bps: number, pusherQty = 300) => {
    const t = T0 + m * 60_000;
    const p1 = 10 * (1 + bps / 10_000);
    return [
      ...Array.from({ length: 6 }, (_, i) => ev(t + 1000 + i, `N${i}`, "TRADE", "BUY", { qty: 100, price: 10 })),
      ev(t + 2000, "PP", "TRADE", "BUY", { qty: pusherQty, price: p1 }),
      ev(t + 2000, "SELLER", "TRADE", "SELL", { qty: 600 + pusherQty, price: p1 }),
    ];
  };
  const found = (events: OrderEvent[]) => rules(runRules(events), "PRICE_PUSH");
  it("three 60 bps minutes: a hit for the pusher only", () => {
    const hits = found([...minute(0, 60), ...minute(5, 60), ...minute(10, 60)]);
    expect(hits.map((h) => [h.accounts, h.count])).toEqual([[["PP"], 3]]);
  });
  it("two pushes, a 49 bps move, a 29% share, or pushes 30 minutes apart: no hit", () => {
    expect(found([...minute(0, 60), ...minute(5, 60)])).toEqual([]);
    expect(found([...minute(0, 60), ...minute(5, 60), ...minute(10, 49)])).toEqual([]);
    expect(found([...minute(0, 60), ...minute(5, 60), ...minute(10, 60, 245)])).toEqual([]); // 245/845 = 29.0%
    expect(found([...minute(0, 60), ...minute(15, 60), ...minute(30, 60)])).toEqual([]);
  });
});

describe("fund flows", () => {
  const dep = (id: string, account: string, instrument: string, ts = T0): PaymentEvent => ({
    id,
    ts,
    account,
    kind: "DEPOSIT",
    instrument,
    amount: 50_000,
  });
  it("three accounts funded from one card: FUND_SHARED_SOURCE with the payments; two: none", () => {
    const three = runRules([], {
      payments: [dep("p1", "F1", "card9"), dep("p2", "F2", "card9"), dep("p3", "F3", "card9")],
    });
    expect(three).toMatchObject([
      { rule: "FUND_SHARED_SOURCE", accounts: ["F1", "F2", "F3"], evidence: { payments: ["p1", "p2", "p3"] } },
    ]);
    expect(runRules([], { payments: [dep("p1", "F1", "card9"), dep("p2", "F2", "card9")] })).toEqual([]);
  });
  it("the third deposit 30 days and 1 ms after the first is outside the window", () => {
    const late = T0 + 30 * 86_400_000 + 1;
    const ps = [dep("p1", "F1", "c"), dep("p2", "F2", "c", T0 + 1), dep("p3", "F3", "c", late)];
    expect(runRules([], { payments: ps })).toEqual([]);
  });
  it("withdrawals of three accounts to one beneficiary: FUND_COMMON_BENEFICIARY", () => {
    const ps = ["G1", "G2", "G3"].map((a, i): PaymentEvent => ({
      id: `w${i}`,
      ts: T0 + i,
      account: a,
      kind: "WITHDRAWAL",
      instrument: "6222-01",
      amount: 1,
    }));
    expect(runRules([], { payments: ps }).map((h) => h.rule)).toEqual(["FUND_COMMON_BENEFICIARY"]);
  });
});
