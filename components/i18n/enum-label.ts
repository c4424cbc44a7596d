// Parameter-set keys (asset classes, liquidity tiers) in the reader's language; a key the catalog
// does not know (a new class named in a proposal) is shown as is.
import type { MessageKey, Translate } from "./config";

export function enumLabel(t: Translate, key: string): string {
  const path = `deskux.enums.${key}`;
  const text = t(path as MessageKey);
  return text === path ? key : text;
}
