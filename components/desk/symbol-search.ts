// Search of the symbol chooser: by code, name or pinyin initials ("gzmt" finds 贵州茅台), with the
// watchlist first, then recent symbols, then the rest by code.
import { pinyin } from "pinyin-pro";

export interface SymbolEntry {
  code: string;
  name: string;
  sector: string;
  suspended: boolean;
}

export interface IndexedSymbol extends SymbolEntry {
  /** Lower-case pinyin initials of the name, e.g. "gzmt". */
  initials: string;
}

export type SymbolGroup = "watchlist" | "recent" | "all";

export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array" }).join("").toLowerCase();
}

export function indexSymbols(list: readonly SymbolEntry[]): IndexedSymbol[] {
  return list.map((s) => ({ ...s, initials: pinyinInitials(s.name) }));
}

/** 0 for no match; higher is better (code prefix, then initials prefix, then substring anywhere). */
export function matchScore(s: IndexedSymbol, query: string): number {
  const q = query.trim().toLowerCase();
  if (q === "") return 1;
  const code = s.code.toLowerCase();
  if (code.startsWith(q)) return 5;
  if (s.initials.startsWith(q)) return 4;
  if (s.name.startsWith(query.trim())) return 4;
  if (code.includes(q) || s.name.includes(query.trim())) return 3;
  if (s.initials.includes(q)) return 2;
  return 0;
}

export interface SearchHit {
  symbol: IndexedSymbol;
  group: SymbolGroup;
}

/** Hits in display order: watchlist, recent, all; within a group by score then the group's own order. */
export function searchSymbols(
  index: readonly IndexedSymbol[],
  query: string,
  watchlist: readonly string[],
  recent: readonly string[],
  limit = 50,
): SearchHit[] {
  const byCode = new Map(index.map((s) => [s.code, s]));
  const used = new Set<string>();
  const out: SearchHit[] = [];
  const take = (codes: readonly string[], group: SymbolGroup) => {
    const hits = codes
      .map((c, order) => ({ s: byCode.get(c), order }))
      .filter((h): h is { s: IndexedSymbol; order: number } => h.s !== undefined && !used.has(h.s.code))
      .map((h) => ({ ...h, score: matchScore(h.s, query) }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    for (const h of hits) {
      used.add(h.s.code);
      out.push({ symbol: h.s, group });
    }
  };
  take(watchlist, "watchlist");
  take(recent, "recent");
  take(
    index.map((s) => s.code),
    "all",
  );
  return out.slice(0, limit);
}
