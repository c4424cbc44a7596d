// The in-memory columnar book of the minute tick (R4): symbols and accounts as typed arrays, so a
// tick over 100k accounts / 1M positions is a few flat loops, not an ORM walk. Positions of account
// a are posSym/posQty[posStart[a] .. posStart[a+1]). Built from plain rows (DB, tests, benchmark).
import crypto from "node:crypto";

export interface SymbolRow {
  code: string;
  assetClass: string;
  liquidityTier: string;
  avgDailyValue: number;
  prevClose: number;
}

export interface AccountRow {
  id: string;
  cash: number;
  debt: number;
  positions: Array<{ symbol: string; qty: number }>;
}

export interface BookColumns {
  symbols: string[];
  symbolIndex: Map<string, number>;
  assetClass: string[];
  liquidityTier: string[];
  adv: Float64Array;
  accountIds: string[];
  accountIndex: Map<string, number>;
  cash: Float64Array;
  debt: Float64Array;
  posStart: Int32Array; // length accounts + 1
  posSym: Int32Array;
  posQty: Float64Array;
}

/** Symbols sorted by code and accounts by id, so the same book always has the same layout. */
export function buildBookColumns(symbols: readonly SymbolRow[], accounts: readonly AccountRow[]): BookColumns {
  const syms = [...symbols].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const symbolIndex = new Map(syms.map((s, i) => [s.code, i]));
  const accs = [...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let nPos = 0;
  for (const a of accs) nPos += a.positions.length;
  const posStart = new Int32Array(accs.length + 1);
  const posSym = new Int32Array(nPos);
  const posQty = new Float64Array(nPos);
  const cash = new Float64Array(accs.length);
  const debt = new Float64Array(accs.length);
  let k = 0;
  accs.forEach((a, i) => {
    cash[i] = a.cash;
    debt[i] = a.debt;
    posStart[i] = k;
    const sorted = [...a.positions].sort((x, y) => (x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : 0));
    for (const p of sorted) {
      const s = symbolIndex.get(p.symbol);
      if (s === undefined || p.qty === 0) continue;
      posSym[k] = s;
      posQty[k] = p.qty;
      k += 1;
    }
  });
  posStart[accs.length] = k;
  return {
    symbols: syms.map((s) => s.code),
    symbolIndex,
    assetClass: syms.map((s) => s.assetClass),
    liquidityTier: syms.map((s) => s.liquidityTier),
    adv: Float64Array.from(syms.map((s) => s.avgDailyValue)),
    accountIds: accs.map((a) => a.id),
    accountIndex: new Map(accs.map((a, i) => [a.id, i])),
    cash,
    debt,
    posStart,
    posSym: k === nPos ? posSym : posSym.slice(0, k),
    posQty: k === nPos ? posQty : posQty.slice(0, k),
  };
}

/**
 * The recorded form of the book (A2 replay), stored once per digest: symbol codes and their
 * margin attributes, account ids, and one binary blob of the typed arrays (header [n, m] Int32,
 * cash F64[n], debt F64[n], posStart I32[n+1], posSym I32[m], posQty F64[m], 8-byte aligned).
 * Binary so that a 100k-account / 1M-position book is written in one short statement.
 */
export interface SerializedBook {
  symbols: string[];
  meta: Array<[string, string, number]>; // per symbol [assetClass, liquidityTier, adv]
  accountIds: string[];
  data: Uint8Array;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function serializeBook(book: BookColumns): SerializedBook {
  const n = book.accountIds.length;
  const m = book.posQty.length;
  const parts: ArrayBufferView[] = [Int32Array.of(n, m), book.cash, book.debt, book.posStart, book.posSym, book.posQty];
  const size = parts.reduce((sum, p) => sum + align8(p.byteLength), 0);
  const data = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    data.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), off);
    off += align8(p.byteLength);
  }
  const meta: Array<[string, string, number]> = book.symbols.map((_, s) => [
    book.assetClass[s] ?? "",
    book.liquidityTier[s] ?? "",
    book.adv[s] ?? 0,
  ]);
  return { symbols: book.symbols, meta, accountIds: book.accountIds, data };
}

export function deserializeBook(sb: SerializedBook): BookColumns {
  // Copy into a fresh, aligned buffer (a Buffer from the driver may sit at any offset).
  const raw = new Uint8Array(sb.data.byteLength);
  raw.set(sb.data);
  const buf = raw.buffer;
  const [n = 0, m = 0] = new Int32Array(buf, 0, 2);
  let off = 8;
  const take = <T>(make: (b: ArrayBuffer, o: number, len: number) => T, len: number, bytes: number): T => {
    const out = make(buf, off, len);
    off += align8(len * bytes);
    return out;
  };
  const cash = take((b, o, l) => new Float64Array(b, o, l), n, 8);
  const debt = take((b, o, l) => new Float64Array(b, o, l), n, 8);
  const posStart = take((b, o, l) => new Int32Array(b, o, l), n + 1, 4);
  const posSym = take((b, o, l) => new Int32Array(b, o, l), m, 4);
  const posQty = take((b, o, l) => new Float64Array(b, o, l), m, 8);
  return {
    symbols: sb.symbols,
    symbolIndex: new Map(sb.symbols.map((c, i) => [c, i])),
    assetClass: sb.meta.map((x) => x[0]),
    liquidityTier: sb.meta.map((x) => x[1]),
    adv: Float64Array.from(sb.meta.map((x) => x[2])),
    accountIds: sb.accountIds,
    accountIndex: new Map(sb.accountIds.map((id, i) => [id, i])),
    cash,
    debt,
    posStart,
    posSym,
    posQty,
  };
}

/** sha256 of the recorded book: ticks with the same digest used the same book. */
export function digestBook(sb: SerializedBook): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([sb.symbols, sb.meta]))
    .update(sb.accountIds.join("\n"))
    .update(sb.data)
    .digest("hex");
}
