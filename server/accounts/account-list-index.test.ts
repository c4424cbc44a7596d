// The accounts list's sorted orders and keyset pages: orders worked by hand on a five-account
// book, and a property test that walking every page with nextCursor gives exactly the naive
// filter-then-sort of the whole book.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BookColumns } from "../risk/engine/book-columns";
import type { BookFigures } from "../risk/engine/revalue-book";
import {
  ACCOUNT_SORTS,
  decodeCursor,
  encodeCursor,
  pageOf,
  sortValue,
  type AccountSort,
  type ListView,
} from "./account-list-index";

interface Acc {
  code: string;
  name: string;
  cash: number;
  debt: number;
  mv: number;
  equity: number;
  maint: number;
  ml: number; // NaN = no margin required
  status: number;
  symbols: number[];
}

function viewOf(accs: Acc[]): ListView {
  const posStart = new Int32Array(accs.length + 1);
  const posSym: number[] = [];
  accs.forEach((a, i) => {
    posSym.push(...a.symbols);
    posStart[i + 1] = posSym.length;
  });
  const book = {
    symbols: ["600000.SH", "000001.SZ"],
    symbolIndex: new Map([
      ["600000.SH", 0],
      ["000001.SZ", 1],
    ]),
    accountIds: accs.map((a) => `id-${a.code}`),
    accountIndex: new Map(accs.map((a, i) => [`id-${a.code}`, i])),
    cash: Float64Array.from(accs, (a) => a.cash),
    debt: Float64Array.from(accs, (a) => a.debt),
    posStart,
    posSym: Int32Array.from(posSym),
    posQty: new Float64Array(posSym.length).fill(100),
  } as unknown as BookColumns;
  const figures = {
    marketValue: Float64Array.from(accs, (a) => a.mv),
    equity: Float64Array.from(accs, (a) => a.equity),
    maintenance: Float64Array.from(accs, (a) => a.maint),
    initial: new Float64Array(accs.length),
    marginLevel: Float64Array.from(accs, (a) => a.ml),
    status: Uint8Array.from(accs, (a) => a.status),
  } as unknown as BookFigures;
  return {
    book,
    figures,
    meta: {
      code: accs.map((a) => a.code),
      clientName: accs.map((a) => a.name),
      kycLevel: accs.map(() => 1),
      searchText: accs.map((a) => `${a.code}\u0000${a.name}`.toLowerCase()),
    },
  };
}

const acc = (code: string, ml: number, debt: number, status = 0, name = `Client ${code}`): Acc => ({
  code,
  name,
  cash: 100,
  debt,
  mv: 1000,
  equity: 1100 - debt,
  maint: 200,
  ml,
  status,
  symbols: [code < "C" ? 0 : 1],
});

// Margin levels: C 0.2, A 0.5, E 0.5, D none (no margin), B 1.5. Debts: A 500, B 0, C 900, D 0, E 200.
const hand = viewOf([
  acc("A", 0.5, 500, 1, "Wang Fang"),
  acc("B", 1.5, 0, 0, "Li Wei"),
  acc("C", 0.2, 900, 3, "Zhang Min"),
  acc("D", NaN, 0, 0, "Chen Jie"),
  acc("E", 0.5, 200, 1, "Wang Lei"),
]);
const codesOf = (rows: number[]) => rows.map((a) => hand.meta.code[a]);

describe("sorted orders, by hand", () => {
  it("margin level ascending: lowest first, ties by code, no-margin accounts last", () => {
    const p = pageOf(hand, { sort: "marginLevel", dir: "asc", limit: 10, filter: {} });
    expect(codesOf(p.rows)).toEqual(["C", "A", "E", "B", "D"]);
  });

  it("margin level descending: highest first, ties still by code, nulls still last", () => {
    const p = pageOf(hand, { sort: "marginLevel", dir: "desc", limit: 10, filter: {} });
    expect(codesOf(p.rows)).toEqual(["B", "A", "E", "C", "D"]);
  });

  it("coverage ratio (cash + market value) / debt: C 1100/900 = 1.22, A 1100/500 = 2.2, E 1100/200 = 5.5", () => {
    expect(sortValue(hand, "coverageRatio", 2)).toBeCloseTo(1100 / 900, 12);
    const p = pageOf(hand, { sort: "coverageRatio", dir: "asc", limit: 10, filter: {} });
    expect(codesOf(p.rows)).toEqual(["C", "A", "E", "B", "D"]);
  });

  it("filters by status, by held symbol and by search (code or name, any case)", () => {
    expect(codesOf(pageOf(hand, { sort: "code", dir: "asc", limit: 10, filter: { status: 1 } }).rows)).toEqual([
      "A",
      "E",
    ]);
    expect(codesOf(pageOf(hand, { sort: "code", dir: "asc", limit: 10, filter: { symbolIndex: 0 } }).rows)).toEqual([
      "A",
      "B",
    ]);
    expect(codesOf(pageOf(hand, { sort: "code", dir: "desc", limit: 10, filter: { search: "WANG" } }).rows)).toEqual([
      "A",
      "E",
    ]);
  });

  it("pages by keyset: two rows a page, the total counts every match, the last page has no cursor", () => {
    const first = pageOf(hand, { sort: "marginLevel", dir: "asc", limit: 2, filter: {} });
    expect(codesOf(first.rows)).toEqual(["C", "A"]);
    expect(first.total).toBe(5);
    expect(first.nextCursor).toBe("0.5~A");
    const second = pageOf(hand, {
      sort: "marginLevel",
      dir: "asc",
      limit: 2,
      filter: {},
      cursor: decodeCursor(first.nextCursor ?? ""),
    });
    expect(codesOf(second.rows)).toEqual(["E", "B"]);
    const third = pageOf(hand, {
      sort: "marginLevel",
      dir: "asc",
      limit: 2,
      filter: {},
      cursor: decodeCursor(second.nextCursor ?? ""),
    });
    expect(codesOf(third.rows)).toEqual(["D"]);
    expect(third.nextCursor).toBeNull();
  });

  it("a cursor from an earlier minute continues after its place even when that row has moved", () => {
    // The page ended at A (0.5); since then A fell to 0.1: the next page starts after 0.5 ~ A, i.e. at E.
    const moved = viewOf([
      acc("A", 0.1, 500),
      acc("B", 1.5, 0),
      acc("C", 0.2, 900),
      acc("D", NaN, 0),
      acc("E", 0.5, 200),
    ]);
    const p = pageOf(moved, { sort: "marginLevel", dir: "asc", limit: 10, filter: {}, cursor: decodeCursor("0.5~A") });
    expect(p.rows.map((a) => moved.meta.code[a])).toEqual(["E", "B", "D"]);
  });

  it("refuses a cursor it did not make", () => {
    for (const bad of ["", "12", "abc~", "x~A", "~A", "Infinity~A"]) expect(() => decodeCursor(bad)).toThrow(/cursor/);
    expect(decodeCursor("-~D")).toEqual({ value: null, code: "D" });
  });
});

describe("keyset pages, property", () => {
  const accArb = fc.record({
    ml: fc.oneof(fc.constant(NaN), fc.constantFrom(0.1, 0.5, 1, 2), fc.double({ min: 0, max: 5, noNaN: true })),
    debt: fc.constantFrom(0, 100, 500),
    equity: fc.integer({ min: -500, max: 5000 }),
    status: fc.integer({ min: 0, max: 3 }),
    sym: fc.integer({ min: 0, max: 1 }),
  });

  it("walking every page with nextCursor gives the naive filter-then-sort of the whole book", () => {
    fc.assert(
      fc.property(
        fc.array(accArb, { minLength: 0, maxLength: 60 }),
        fc.constantFrom<AccountSort>(...ACCOUNT_SORTS),
        fc.constantFrom<"asc" | "desc">("asc", "desc"),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (raw, sort, dir, limit, status) => {
          const accs = raw.map((r, i) => ({
            ...acc(`AC${String(i).padStart(3, "0")}`, r.ml, r.debt, r.status),
            equity: r.equity,
            symbols: [r.sym],
          }));
          const view = viewOf(accs);
          const filter = { status };
          // Written out again here, not taken from the module: nulls last, then by value, then by code.
          const valueOf = (a: Acc): number | null => {
            if (sort === "code") return null;
            if (sort === "marginLevel") return Number.isNaN(a.ml) ? null : a.ml;
            if (sort === "coverageRatio") return a.debt > 0 ? (a.cash + a.mv) / a.debt : null;
            return { equity: a.equity, maintenance: a.maint, marketValue: a.mv }[sort];
          };
          const sign = sort !== "code" && dir === "desc" ? -1 : 1;
          const expected = accs
            .map((_, a) => a)
            .filter((a) => status === undefined || accs[a]?.status === status)
            .sort((x, y) => {
              const ax = accs[x] as Acc;
              const ay = accs[y] as Acc;
              const vx = valueOf(ax);
              const vy = valueOf(ay);
              if ((vx === null) !== (vy === null)) return vx === null ? 1 : -1;
              if (vx !== null && vy !== null && vx !== vy) return sign * (vx - vy);
              return ax.code < ay.code ? -1 : 1;
            });
          const walked: number[] = [];
          let cursor: string | null = null;
          for (let guard = 0; guard < 100; guard += 1) {
            const p = pageOf(view, {
              sort,
              dir,
              limit,
              filter,
              cursor: cursor === null ? undefined : decodeCursor(cursor),
            });
            expect(p.total).toBe(expected.length);
            expect(p.rows.length).toBeLessThanOrEqual(limit);
            walked.push(...p.rows);
            cursor = p.nextCursor;
            if (cursor === null) break;
            expect(encodeCursor(decodeCursor(cursor))).toBe(cursor);
          }
          expect(walked).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
