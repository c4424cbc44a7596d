// S1 + S2 + S4 end to end without a database: one trading day (240 minutes) of simulated flow for
// 400 accounts, fed minute by minute to the rules with the demo's links and payments. Every planted
// bad actor must be found by its rule, and ordinary accounts should rarely be flagged (the rate is
// printed and bounded).
import { describe, expect, it } from "vitest";
import { accountFeatures, accumulateCounters, type AccountCounters } from "../account-features";
import { mulberry32, scoreIsolation, trainIsolationForest } from "../isolation-forest";
import { buildLinkGraph } from "../links-service";
import { collectHits, createRuleEngine, ingestOrderEvents, ingestPaymentEvents } from "../rules/rule-engine";
import type { Hit, PaymentEvent } from "../rules/types";
import { castFromAccounts, generateMinute } from "./flow-generator";

const T0 = Date.UTC(2026, 11, 1, 1, 30); // 09:30 Shanghai
const ids = Array.from({ length: 400 }, (_, i) => `A${String(i).padStart(4, "0")}`);
const cast = castFromAccounts(ids);
const symbols = Array.from({ length: 8 }, (_, i) => ({ symbol: `60000${i}`, price: 8 + i }));

function runDay(seed: number) {
  const links = [
    { a: cast.washPair[0], b: cast.washPair[1], kind: "DEVICE" },
    { a: cast.related[0], b: cast.related[1], kind: "RELATED" },
    ...cast.ring.slice(1).map((a, i) => ({ a: cast.ring[i] as string, b: a, kind: "FUND_FLOW" })),
    // households: linked ordinary clients
    ...Array.from({ length: 10 }, (_, h) => ({
      a: cast.normal[20 + 2 * h] as string,
      b: cast.normal[21 + 2 * h] as string,
      kind: "ADDRESS",
    })),
  ];
  const graph = buildLinkGraph(links);
  const en = createRuleEngine({}, graph.ctx);
  const payments: PaymentEvent[] = ids.map((a, i) => ({
    id: `dep-${a}`,
    ts: T0 - 86_400_000 + i,
    account: a,
    kind: "DEPOSIT",
    instrument: cast.ring.includes(a) ? "card-ring" : `card-${a}`,
    amount: 100_000,
  }));
  ingestPaymentEvents(en, payments);
  const rand = mulberry32(seed);
  const counters = new Map<string, AccountCounters>();
  const hits: Hit[] = [];
  let events = 0;
  for (let m = 0; m < 240; m++) {
    const minuteTs = T0 + m * 60_000;
    const ev = generateMinute(minuteTs, cast, symbols, rand);
    events += ev.length;
    ingestOrderEvents(en, ev);
    accumulateCounters(counters, ev);
    for (const c of counters.values()) c.minutes += 1;
    hits.push(...collectHits(en, minuteTs + 60_000));
  }
  return { hits, counters, events };
}

describe("planted bad actors over one simulated trading day", () => {
  const { hits, counters, events } = runDay(20261201);
  const found = (rule: string, account: string) => hits.some((h) => h.rule === rule && h.accounts.includes(account));

  it("finds every planted actor with its rule", () => {
    expect(found("WASH_TRADE", cast.washPair[0]) && found("WASH_TRADE", cast.washPair[1])).toBe(true);
    expect(found("SPOOFING", cast.spoofer)).toBe(true);
    expect(found("HIGH_FREQUENCY_SECOND", cast.highFrequency)).toBe(true);
    expect(found("HIGH_FREQUENCY_DAY", cast.highFrequency)).toBe(true);
    expect(found("PRICE_PUSH", cast.pusher)).toBe(true);
    expect(found("RELATED_PARTY_TRADE", cast.related[0])).toBe(true);
    for (const a of cast.ring) expect(found("FUND_SHARED_SOURCE", a), a).toBe(true);
  });

  it("rarely flags ordinary accounts (rate printed; bound 2%)", () => {
    const planted = new Set([
      ...cast.washPair,
      cast.spoofer,
      cast.highFrequency,
      cast.pusher,
      ...cast.related,
      ...cast.ring,
    ]);
    const ordinary = ids.filter((a) => !planted.has(a));
    const flagged = new Set(hits.flatMap((h) => h.accounts).filter((a) => !planted.has(a)));
    const rate = flagged.size / ordinary.length;
    console.info(
      `planted-actor day: ${events.toLocaleString("en-US")} events, ${hits.length} hits; ordinary accounts flagged ${flagged.size}/${ordinary.length} (${(rate * 100).toFixed(2)}%)`,
    );
    expect(rate).toBeLessThanOrEqual(0.02);
  });

  it("the isolation forest puts the high-frequency account, the spoofer and the pusher in the top 5%", () => {
    const accounts = [...counters.keys()];
    const rows = accounts.map((a) => accountFeatures(counters.get(a) as AccountCounters));
    const forest = trainIsolationForest(rows, { seed: 1 });
    const ranked = accounts
      .map((a, i) => [a, scoreIsolation(forest, rows[i] ?? [])] as const)
      .sort((x, y) => y[1] - x[1])
      .map(([a]) => a);
    const rank = (a: string) => ranked.indexOf(a) + 1;
    const top = Math.ceil(ranked.length * 0.05);
    console.info(
      `isolation-forest ranks of ${ranked.length}: HF ${rank(cast.highFrequency)}, spoofer ${rank(cast.spoofer)}, pusher ${rank(cast.pusher)}, wash ${rank(cast.washPair[0])}/${rank(cast.washPair[1])}`,
    );
    expect(rank(cast.highFrequency)).toBeLessThanOrEqual(top);
    expect(rank(cast.spoofer)).toBeLessThanOrEqual(top);
    expect(rank(cast.pusher)).toBeLessThanOrEqual(top);
  });
});
