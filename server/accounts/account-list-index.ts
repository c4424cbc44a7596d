// The accounts list's read path at book scale: the figures change once a minute, so each sort
// order is computed once per risk tick (an Int32Array of account positions, cached on the tick's
// figures object) and every request scans that order from its keyset cursor until its page is full,
// instead of building, filtering and sorting 100,000 row objects per request.
import { AppError } from "../errors";
import type { BookColumns } from "../risk/engine/book-columns";
import type { BookFigures } from "../risk/engine/revalue-book";

export const ACCOUNT_SORTS = ["code", "equity", "marginLevel", "coverageRatio", "maintenance", "marketValue"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** What the list shows of an account besides its figures, aligned with the book's account positions. */
export interface AccountMetaColumns {
  code: string[];
  clientName: string[];
  kycLevel: number[];
  /** Lower-cased code + "\u0000" + client name, for a case-insensitive search without allocating per request. */
  searchText: string[];
}

export interface ListView {
  book: BookColumns;
  figures: BookFigures;
  meta: AccountMetaColumns;
}

/** The sort key of account `a` (null when the figure does not exist: no margin required, no debt). */
export function sortValue(view: ListView, sort: AccountSort, a: number): number | null {
  const { book, figures } = view;
  const at = (col: Float64Array) => col[a] ?? NaN;
  switch (sort) {
    case "code":
      return null;
    case "equity":
      return at(figures.equity);
    case "maintenance":
      return at(figures.maintenance);
    case "marketValue":
      return at(figures.marketValue);
    case "marginLevel": {
      const ml = at(figures.marginLevel);
      return Number.isNaN(ml) ? null : ml;
    }
    case "coverageRatio": {
      // R1 担保比例: (cash + market value) / debt, none without debt
      const debt = at(book.debt);
      return debt > 0 ? (at(book.cash) + at(figures.marketValue)) / debt : null;
    }
  }
}

const codeCmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Orders rows by (value, code): nulls last in either direction, ties and the code sort by code
 * ascending, so the order is total and a keyset cursor (value, code) names one place in it.
 */
export function compareKeys(
  dir: "asc" | "desc",
  x: { value: number | null; code: string },
  y: { value: number | null; code: string },
): number {
  if (x.value !== y.value) {
    if (x.value === null) return 1;
    if (y.value === null) return -1;
    const d = x.value - y.value;
    if (d !== 0) return dir === "asc" ? d : -d;
  }
  return codeCmp(x.code, y.code);
}

const orders = new WeakMap<BookFigures, Map<string, Int32Array>>();

/** Account positions in list order for this tick's figures; computed once per tick and sort. */
export function sortedOrder(view: ListView, sort: AccountSort, dir: "asc" | "desc"): Int32Array {
  let perTick = orders.get(view.figures);
  if (!perTick) {
    perTick = new Map();
    orders.set(view.figures, perTick);
  }
  const key = `${sort}:${sort === "code" ? "asc" : dir}`;
  const cached = perTick.get(key);
  if (cached) return cached;
  const n = view.book.accountIds.length;
  const values = new Float64Array(n);
  const isNull = new Uint8Array(n);
  for (let a = 0; a < n; a += 1) {
    const v = sortValue(view, sort, a);
    if (v === null) isNull[a] = 1;
    else values[a] = v;
  }
  const codes = view.meta.code;
  const order = Int32Array.from({ length: n }, (_, a) => a);
  const sign = sort !== "code" && dir === "desc" ? -1 : 1;
  order.sort((x, y) => {
    const nx = isNull[x] === 1;
    const ny = isNull[y] === 1;
    if (nx !== ny) return nx ? 1 : -1;
    if (!nx) {
      const d = (values[x] ?? 0) - (values[y] ?? 0);
      if (d !== 0) return sign * d;
    }
    return codeCmp(codes[x] ?? "", codes[y] ?? "");
  });
  perTick.set(key, order);
  return order;
}

/** A keyset cursor: the last row's sort value and code. */
export interface ListCursor {
  value: number | null;
  code: string;
}

export function encodeCursor(c: ListCursor): string {
  return `${c.value === null ? "-" : String(c.value)}~${c.code}`;
}

export function decodeCursor(text: string): ListCursor {
  const i = text.indexOf("~");
  const raw = i < 0 ? "" : text.slice(0, i);
  const code = text.slice(i + 1);
  const value = raw === "-" ? null : Number(raw);
  if (i < 0 || code === "" || (value !== null && (raw === "" || !Number.isFinite(value))))
    throw new AppError("BAD_REQUEST", "cursor: not a cursor this list returned (use nextCursor as given).");
  return { value, code };
}

/** The first position in `order` that comes after the cursor (binary search: the order is sorted by compareKeys). */
export function startAfter(view: ListView, order: Int32Array, sort: AccountSort, dir: "asc" | "desc", c: ListCursor) {
  const effectiveDir = sort === "code" ? "asc" : dir;
  const cursor = sort === "code" ? { value: null, code: c.code } : c;
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = order[mid] ?? 0;
    const row = { value: sortValue(view, sort, a), code: view.meta.code[a] ?? "" };
    if (compareKeys(effectiveDir, row, cursor) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ListFilter {
  search?: string;
  status?: number; // status code
  symbolIndex?: number;
  /** Only these account positions (e.g. the flagged accounts). */
  only?: ReadonlySet<number>;
}

/** Does account `a` pass the filter? Search matches code or client name, case-insensitively. */
export function matches(view: ListView, a: number, f: ListFilter, searchLower?: string): boolean {
  if (f.status !== undefined && view.figures.status[a] !== f.status) return false;
  if (f.only && !f.only.has(a)) return false;
  if (searchLower && !(view.meta.searchText[a] ?? "").includes(searchLower)) return false;
  if (f.symbolIndex !== undefined) {
    const { posStart, posSym } = view.book;
    let holds = false;
    for (let k = posStart[a] ?? 0; k < (posStart[a + 1] ?? 0) && !holds; k += 1) holds = posSym[k] === f.symbolIndex;
    if (!holds) return false;
  }
  return true;
}

/** One page: account positions after the cursor that pass the filter, the total that pass, the next cursor. */
export function pageOf(
  view: ListView,
  opts: { sort: AccountSort; dir: "asc" | "desc"; cursor?: ListCursor; limit: number; filter: ListFilter },
): { rows: number[]; total: number; nextCursor: string | null } {
  const order = sortedOrder(view, opts.sort, opts.dir);
  const searchLower = opts.filter.search?.trim().toLowerCase() || undefined;
  const start = opts.cursor ? startAfter(view, order, opts.sort, opts.dir, opts.cursor) : 0;
  const rows: number[] = [];
  let total = 0;
  let more = false;
  for (let i = 0; i < order.length; i += 1) {
    const a = order[i] ?? 0;
    if (!matches(view, a, opts.filter, searchLower)) continue;
    total += 1;
    if (i < start) continue;
    if (rows.length < opts.limit) rows.push(a);
    else more = true;
  }
  const last = rows.at(-1);
  const nextCursor =
    more && last !== undefined
      ? encodeCursor({ value: sortValue(view, opts.sort, last), code: view.meta.code[last] ?? "" })
      : null;
  return { rows, total, nextCursor };
}
