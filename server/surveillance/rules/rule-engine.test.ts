// Carried-forward state equals a rescan: feeding the events minute by minute (collecting after
// each minute) ends with the same hits as one batch over all of them, for the rules whose result
// only grows with more events (CANCEL_RATIO is a whole-day ratio that a live minute may cross and
// leave again, so it is left out of the comparison).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectHits, createRuleEngine, ingestOrderEvents, runRules, sortEvents } from "./rule-engine";
import type { Hit, OrderEvent, RuleParams } from "./types";

const T0 = Date.UTC(2026, 11, 1, 1, 30);
const small: Partial<RuleParams> = {
  hfPerSecond: 6,
  hfPerDay: 40,
  zBaselineMinutes: 2,
  zMinCount: 4,
  zThreshold: 2,
  spoofMinQty: 500,
  spoofMinLayers: 1,
  pushMinMinutes: 2,
};
const ctx = { groupOf: (a: string) => (a === "A" || a === "B" ? "A" : undefined), relatedPairs: new Set(["B|C"]) };

const eventArb = fc.record({
  ts: fc.integer({ min: 0, max: 10 * 60_000 }),
  account: fc.constantFrom("A", "B", "C"),
  type: fc.constantFrom("NEW", "CANCEL", "TRADE"),
  side: fc.constantFrom("BUY", "SELL"),
  order: fc.integer({ min: 1, max: 30 }),
  price: fc.constantFrom(10, 10.01, 10.1),
  qty: fc.constantFrom(100, 600),
  cp: fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }),
});

function lastByKey(hits: Hit[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const h of hits) if (h.rule !== "CANCEL_RATIO") m.set(h.key, h.count);
  return m;
}

describe("incremental rule state", () => {
  it("minute-by-minute feeding ends with the batch's hits (property)", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 300 }), (raw) => {
        const events: OrderEvent[] = raw.map((r) => ({
          ts: T0 + r.ts,
          account: r.account,
          symbol: "600000",
          type: r.type as OrderEvent["type"],
          side: r.side as OrderEvent["side"],
          orderId: `${r.account}-${r.order}`,
          price: r.price,
          qty: r.qty,
          ...(r.type === "TRADE" && r.cp ? { counterparty: r.cp } : {}),
        }));
        const batch = lastByKey(runRules(events, { params: small, ctx }));
        const en = createRuleEngine(small, ctx);
        const sorted = sortEvents(events);
        const streamed: Hit[] = [];
        for (let m = 0; m <= 10; m++) {
          const end = T0 + (m + 1) * 60_000;
          ingestOrderEvents(
            en,
            sorted.filter((e) => e.ts >= end - 60_000 && e.ts < end),
          );
          streamed.push(...collectHits(en, end));
        }
        streamed.push(...collectHits(en, null));
        expect(lastByKey(streamed)).toEqual(batch);
      }),
      { numRuns: 200 },
    );
  });
});
