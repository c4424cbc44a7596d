// Book snapshot deltas (issue 14, data lifecycle): instead of a full binary book on every balance
// change, the engine stores a full book now and then and, in between, only the accounts that differ
// from that full book (changed or new ones in a small binary sub-book, plus the ids removed). A
// recorded minute is rebuilt as base + one delta, byte for byte the book the tick used (same digest).
import { serializeBook, deserializeBook, type BookColumns, type SerializedBook } from "./book-columns";

export interface BookDelta {
  changedIds: string[]; // sorted, as in the book
  removedIds: string[];
  data: Uint8Array; // serializeBook layout of the changed accounts (symbol indices of the base)
}

function sameAccount(a: BookColumns, i: number, b: BookColumns, j: number): boolean {
  if (!Object.is(a.cash[i], b.cash[j]) || !Object.is(a.debt[i], b.debt[j])) return false;
  const a0 = a.posStart[i] ?? 0;
  const a1 = a.posStart[i + 1] ?? 0;
  const b0 = b.posStart[j] ?? 0;
  if (a1 - a0 !== (b.posStart[j + 1] ?? 0) - b0) return false;
  for (let k = 0; k < a1 - a0; k += 1) {
    if (a.posSym[a0 + k] !== b.posSym[b0 + k] || !Object.is(a.posQty[a0 + k], b.posQty[b0 + k])) return false;
  }
  return true;
}

function sameSymbols(a: BookColumns, b: BookColumns): boolean {
  if (a.symbols.length !== b.symbols.length) return false;
  for (let s = 0; s < a.symbols.length; s += 1) {
    if (a.symbols[s] !== b.symbols[s] || a.assetClass[s] !== b.assetClass[s]) return false;
    if (a.liquidityTier[s] !== b.liquidityTier[s] || !Object.is(a.adv[s], b.adv[s])) return false;
  }
  return true;
}

/** Copies accounts `rows` of `src` (or of several sources) into a new book with the given symbols. */
function gather(shape: BookColumns, rows: ReadonlyArray<{ src: BookColumns; i: number; id: string }>): BookColumns {
  let m = 0;
  for (const r of rows) m += (r.src.posStart[r.i + 1] ?? 0) - (r.src.posStart[r.i] ?? 0);
  const cash = new Float64Array(rows.length);
  const debt = new Float64Array(rows.length);
  const posStart = new Int32Array(rows.length + 1);
  const posSym = new Int32Array(m);
  const posQty = new Float64Array(m);
  let k = 0;
  rows.forEach((r, a) => {
    cash[a] = r.src.cash[r.i] ?? 0;
    debt[a] = r.src.debt[r.i] ?? 0;
    posStart[a] = k;
    const p0 = r.src.posStart[r.i] ?? 0;
    const p1 = r.src.posStart[r.i + 1] ?? 0;
    posSym.set(r.src.posSym.subarray(p0, p1), k);
    posQty.set(r.src.posQty.subarray(p0, p1), k);
    k += p1 - p0;
  });
  posStart[rows.length] = k;
  const accountIds = rows.map((r) => r.id);
  return {
    ...shape,
    accountIds,
    accountIndex: new Map(accountIds.map((id, a) => [id, a])),
    cash,
    debt,
    posStart,
    posSym,
    posQty,
  };
}

/** The delta from `base` to `next`, or null when the symbols or their attributes differ (store a full book). */
export function diffBooks(base: BookColumns, next: BookColumns): BookDelta | null {
  if (!sameSymbols(base, next)) return null;
  const changed: Array<{ src: BookColumns; i: number; id: string }> = [];
  next.accountIds.forEach((id, j) => {
    const i = base.accountIndex.get(id);
    if (i === undefined || !sameAccount(base, i, next, j)) changed.push({ src: next, i: j, id });
  });
  const removedIds = base.accountIds.filter((id) => !next.accountIndex.has(id));
  const sub = serializeBook(gather(next, changed));
  return { changedIds: sub.accountIds, removedIds, data: sub.data };
}

/** Rebuilds the book `diffBooks(base, next)` was taken from. */
export function applyDelta(base: BookColumns, delta: BookDelta): BookColumns {
  const sub = deserializeBook({ symbols: base.symbols, meta: [], accountIds: delta.changedIds, data: delta.data });
  const removed = new Set(delta.removedIds);
  const rows: Array<{ src: BookColumns; i: number; id: string }> = [];
  // Both id lists are sorted (buildBookColumns orders accounts by id): merge them.
  let i = 0;
  let j = 0;
  const nb = base.accountIds.length;
  const nd = delta.changedIds.length;
  while (i < nb || j < nd) {
    const bi = base.accountIds[i];
    const dj = delta.changedIds[j];
    if (bi !== undefined && (dj === undefined || bi < dj)) {
      if (!removed.has(bi)) rows.push({ src: base, i, id: bi });
      i += 1;
    } else if (dj !== undefined) {
      rows.push({ src: sub, i: j, id: dj });
      if (bi === dj) i += 1;
      j += 1;
    }
  }
  return gather(base, rows);
}

/** Serialized form of a delta row: no symbols or meta of its own (they are the base's). */
export function deltaAsSerialized(d: BookDelta): SerializedBook {
  return { symbols: [], meta: [], accountIds: d.changedIds, data: d.data };
}

/** The last full book the engine stored, and how many deltas refer to it. */
export interface FullBookRef {
  digest: string;
  book: BookColumns;
  deltas: number;
}

export const MAX_DELTAS_PER_FULL = 120; // a full book at least every 120 book changes
const MAX_CHANGED_SHARE = 0.25; // or when a quarter of the accounts differ from it

/**
 * What to store for a book not stored yet: a delta against `full` when it is small enough, else the
 * full book (which becomes the next base once its tick committed).
 */
export function planSnapshot(
  full: FullBookRef | null,
  book: BookColumns,
  serialized: SerializedBook,
  digest: string,
): { book: SerializedBook; delta?: { baseDigest: string; removedIds: string[] }; nextFull: FullBookRef } {
  if (full && full.digest !== digest && full.deltas < MAX_DELTAS_PER_FULL) {
    const d = diffBooks(full.book, book);
    if (d && d.changedIds.length + d.removedIds.length <= Math.max(1, book.accountIds.length * MAX_CHANGED_SHARE))
      return {
        book: deltaAsSerialized(d),
        delta: { baseDigest: full.digest, removedIds: d.removedIds },
        nextFull: { ...full, deltas: full.deltas + 1 },
      };
  }
  return { book: serialized, nextFull: { digest, book, deltas: 0 } };
}
