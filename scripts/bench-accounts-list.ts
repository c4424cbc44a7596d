// The accounts list's read path at DESIGN 9 size (100,000 accounts): one page of 200 rows sorted by
// margin level, as the keyset index serves it (the first request of a tick pays the sort, the rest
// scan from their cursor), beside the per-request build-filter-sort of every row that it replaced,
// in the same run. In-process and pure: no database, no server.
// Usage: npm run bench:accounts [-- --accounts 100000 --requests 50]
import type { BookColumns } from "../server/risk/engine/book-columns";
import type { BookFigures } from "../server/risk/engine/revalue-book";
import { decodeCursor, pageOf, type ListView } from "../server/accounts/account-list-index";
import { createPrng } from "../server/prng";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const));
const N = Number(args.get("--accounts") ?? 100_000);
const REQUESTS = Number(args.get("--requests") ?? 50);
const LIMIT = 200;

function syntheticView(n: number): ListView {
  const prng = createPrng(7);
  const rnd = () => prng.next();
  const code = Array.from({ length: n }, (_, i) => `A${String(i).padStart(7, "0")}`);
  const name = code.map((c) => `Client ${c}`);
  const cash = Float64Array.from({ length: n }, () => rnd() * 1e6);
  const debt = Float64Array.from({ length: n }, () => (rnd() < 0.8 ? rnd() * 2e6 : 0));
  const mv = Float64Array.from({ length: n }, () => rnd() * 3e6);
  const equity = Float64Array.from({ length: n }, (_, i) => (cash[i] ?? 0) + (mv[i] ?? 0) - (debt[i] ?? 0));
  const maint = Float64Array.from(mv, (v) => v * 0.2);
  const ml = Float64Array.from({ length: n }, (_, i) =>
    (maint[i] ?? 0) > 0 ? (equity[i] ?? 0) / (maint[i] ?? 1) : NaN,
  );
  const status = Uint8Array.from(ml, (v) => (v < 0.5 ? 3 : v < 1 ? 2 : v < 1.3 ? 1 : 0));
  const posStart = Int32Array.from({ length: n + 1 }, (_, i) => i * 10);
  const book = {
    accountIds: code.map((c) => `id-${c}`),
    cash,
    debt,
    posStart,
    posSym: new Int32Array(n * 10),
  } as unknown as BookColumns;
  const figures = { marketValue: mv, equity, maintenance: maint, marginLevel: ml, status } as unknown as BookFigures;
  const searchText = code.map((c, i) => `${c}\u0000${name[i] ?? ""}`.toLowerCase());
  return { book, figures, meta: { code, clientName: name, kycLevel: code.map(() => 1), searchText } };
}

/** What every request did before: an object per account, then a full sort, then a slice. */
function naivePage(view: ListView, offset: number) {
  const items = view.book.accountIds.map((id, a) => {
    const ml = view.figures.marginLevel[a] ?? NaN;
    return {
      id,
      code: view.meta.code[a] ?? "",
      clientName: view.meta.clientName[a] ?? "",
      equity: view.figures.equity[a] ?? 0,
      marginLevel: Number.isNaN(ml) ? null : ml,
    };
  });
  const key = (v: number | null) => (v === null ? Infinity : v);
  items.sort((x, y) => key(x.marginLevel) - key(y.marginLevel) || x.code.localeCompare(y.code));
  return items.slice(offset, offset + LIMIT);
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const pctl = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))] ?? NaN;

function main() {
  const view = syntheticView(N);
  const naive: number[] = [];
  for (let r = 0; r < REQUESTS; r += 1) naive.push(time(() => naivePage(view, (r % 5) * LIMIT)));

  // A new tick: new figures object, so the first request sorts again.
  const fresh = { ...view, figures: { ...view.figures } };
  let cursor: string | null = null;
  const first = time(() => {
    cursor = pageOf(fresh, { sort: "marginLevel", dir: "asc", limit: LIMIT, filter: {} }).nextCursor;
  });
  const later: number[] = [];
  for (let r = 0; r < REQUESTS; r += 1) {
    later.push(
      time(() => {
        const c: string | null = cursor;
        const p = pageOf(fresh, {
          sort: "marginLevel",
          dir: "asc",
          limit: LIMIT,
          filter: {},
          cursor: c && r % 5 !== 0 ? decodeCursor(c) : undefined,
        });
        cursor = p.nextCursor;
      }),
    );
  }
  const filtered: number[] = [];
  for (let r = 0; r < REQUESTS; r += 1)
    filtered.push(
      time(() =>
        pageOf(fresh, { sort: "marginLevel", dir: "asc", limit: LIMIT, filter: { status: 2, search: "a00" } }),
      ),
    );
  const f = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`accounts list, ${N.toLocaleString("en")} accounts, pages of ${LIMIT}, ${REQUESTS} requests each`);
  console.log(
    `  baseline: build + sort every row per request   p50 ${f(pctl(naive, 0.5))}  p99 ${f(pctl(naive, 0.99))}`,
  );
  console.log(`  keyset index: first request of a tick (sorts)   ${f(first)}`);
  console.log(
    `  keyset index: later pages                       p50 ${f(pctl(later, 0.5))}  p99 ${f(pctl(later, 0.99))}`,
  );
  console.log(
    `  keyset index: status + search filter            p50 ${f(pctl(filtered, 0.5))}  p99 ${f(pctl(filtered, 0.99))}`,
  );
  console.log(`  ratio baseline p50 / later pages p50: ${(pctl(naive, 0.5) / pctl(later, 0.5)).toFixed(1)}x`);
}

main();
