// The command palette's matching (pure): items are pages, accounts (by code or client name), symbols
// (by code or name) and cases (by account code); a query matches an item when every word of it occurs
// in the item's label or keywords, case-insensitively. Prefix matches rank first, then by kind order.
export type PaletteKind = "page" | "account" | "symbol" | "case";

export interface PaletteItem {
  kind: PaletteKind;
  label: string;
  /** Extra words it is found by (codes, names). */
  keywords: string;
  href: string;
}

const KIND_ORDER: Record<PaletteKind, number> = { page: 0, account: 1, symbol: 2, case: 3 };

export function matchPalette(items: readonly PaletteItem[], query: string, limit = 12): PaletteItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.filter((i) => i.kind === "page").slice(0, limit);
  const scored: Array<{ item: PaletteItem; score: number }> = [];
  for (const item of items) {
    const hay = `${item.label} ${item.keywords}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const prefix = hay.split(/\s+/).some((token) => token.startsWith(words[0] ?? "")) ? 0 : 1;
    scored.push({ item, score: prefix * 10 + KIND_ORDER[item.kind] });
  }
  scored.sort((a, b) => a.score - b.score || a.item.label.localeCompare(b.item.label));
  return scored.slice(0, limit).map((s) => s.item);
}
