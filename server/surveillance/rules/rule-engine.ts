// The S2 rules together: one state carried from minute to minute. The minute plugin feeds each
// minute's new events and collects the hits that appeared or grew; the evaluate API feeds a whole
// batch and collects once. Events of one account must be fed in time order (sortEvents does it).
import { collectFrequency, createFrequencyState, ingestFrequency, type FrequencyState } from "./frequency";
import { collectFundFlow, createFundFlowState, ingestPayment, type FundFlowState } from "./fund-flow";
import { collectPush, createPushState, ingestPush, type PushState } from "./price-push";
import { collectSpoof, createSpoofState, ingestSpoof, type SpoofState } from "./spoofing";
import { collectWash, createWashState, ingestWash, type WashContext, type WashState } from "./wash";
import { DEFAULT_RULE_PARAMS, type Hit, type OrderEvent, type PaymentEvent, type RuleParams } from "./types";

export interface RuleEngine {
  params: RuleParams;
  ctx: WashContext;
  frequency: FrequencyState;
  wash: WashState;
  spoof: SpoofState;
  push: PushState;
  fund: FundFlowState;
  events: number;
}

export const NO_LINKS: WashContext = { groupOf: () => undefined, relatedPairs: new Set() };

export function createRuleEngine(params: Partial<RuleParams> = {}, ctx: WashContext = NO_LINKS): RuleEngine {
  return {
    params: { ...DEFAULT_RULE_PARAMS, ...params },
    ctx,
    frequency: createFrequencyState(),
    wash: createWashState(),
    spoof: createSpoofState(),
    push: createPushState(),
    fund: createFundFlowState(),
    events: 0,
  };
}

/** Stable sort by time (ties keep their input order). */
export function sortEvents<T extends { ts: number }>(events: readonly T[]): T[] {
  return events
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].ts - b[0].ts || a[1] - b[1])
    .map(([e]) => e);
}

export function ingestOrderEvents(en: RuleEngine, events: readonly OrderEvent[]): void {
  const p = en.params;
  for (const e of events) {
    ingestFrequency(en.frequency, e, p);
    ingestWash(en.wash, e, en.ctx, p);
    ingestSpoof(en.spoof, e, p);
    ingestPush(en.push, e, p);
  }
  en.events += events.length;
}

export function ingestPaymentEvents(en: RuleEngine, payments: readonly PaymentEvent[]): void {
  for (const e of payments) ingestPayment(en.fund, e, en.params);
}

/** Hits that appeared or grew since the last collect; `now` null closes every open minute. */
export function collectHits(en: RuleEngine, now: number | null): Hit[] {
  return [
    ...collectFrequency(en.frequency, en.params, now),
    ...collectWash(en.wash),
    ...collectSpoof(en.spoof),
    ...collectPush(en.push, en.params, now),
    ...collectFundFlow(en.fund, en.params),
  ];
}

/** One batch: every rule over the events (any order) and payments, hits collected once. */
export function runRules(
  events: readonly OrderEvent[],
  opts: { payments?: readonly PaymentEvent[]; params?: Partial<RuleParams>; ctx?: WashContext } = {},
): Hit[] {
  const en = createRuleEngine(opts.params, opts.ctx);
  ingestOrderEvents(en, sortEvents(events));
  ingestPaymentEvents(en, sortEvents(opts.payments ?? []));
  return collectHits(en, null);
}
