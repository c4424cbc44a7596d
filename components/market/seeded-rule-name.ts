// The demo's seeded alert rules are named in English in the database: shown in the reader's
// language by a catalog key; a rule a user named keeps its own name.
import type { MessageKey, Translate } from "../i18n/config";

const SEEDED: Record<string, string> = {
  "Crash or spike: raise margin x1.5": "crash",
  "Downside CUSUM: restrict new buys": "cusumDown",
  "Volatility spike: propose a hedge": "volSpike",
  "Any warning: notify the desk": "anyWarning",
  "Liquidity: raise margin x1.25 on depth drops": "depth",
};

export function ruleName(t: Translate, name: string): string {
  const key = SEEDED[name];
  return key ? t(`deskux.seededRules.${key}` as MessageKey) : name;
}
