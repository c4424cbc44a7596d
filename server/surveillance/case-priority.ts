// S4/S5 case priority, 0..100: the strongest rule hit sets the floor (exchange thresholds and
// wash trades outrank a cancel ratio), more distinct rules add, and the isolation-forest score
// adds up to 20 above its 0.5 "no anomaly" midpoint.
export const RULE_WEIGHT: Record<string, number> = {
  WASH_TRADE: 70,
  WASH_TRADE_MATCHED: 60,
  HIGH_FREQUENCY_SECOND: 65,
  HIGH_FREQUENCY_DAY: 60,
  SPOOFING: 65,
  PRICE_PUSH: 60,
  FUND_SHARED_SOURCE: 55,
  FUND_COMMON_BENEFICIARY: 55,
  RELATED_PARTY_TRADE: 45,
  ORDER_RATE_ZSCORE: 35,
  CANCEL_RATIO: 30,
};

export function casePriority(rules: readonly string[], anomalyScore: number | null): number {
  const distinct = [...new Set(rules)];
  const top = Math.max(0, ...distinct.map((r) => RULE_WEIGHT[r] ?? 30));
  const extra = Math.min(15, 5 * Math.max(0, distinct.length - 1));
  const anomaly = anomalyScore === null ? 0 : Math.max(0, Math.min(20, (anomalyScore - 0.5) * 80));
  return Math.round(Math.min(100, top + extra + anomaly));
}
