// The baseline for bench-engine (DESIGN 9): the same revaluation + classification written as one
// SQL aggregate, the query a team would otherwise write, run on PostgreSQL and on PGlite over the
// same generated book. Loads the book with unnest() batches, then times only the query.
import type { SqlSession } from "../server/db/connection";
import type { BookColumns, MarketVectors } from "./bench-engine-book";
import type { RiskParams } from "../server/risk/margin/risk-params";

export async function loadBookIntoSql(
  sql: SqlSession,
  book: BookColumns,
  mkt: MarketVectors,
  params: RiskParams,
): Promise<void> {
  await sql.exec(`
    DROP TABLE IF EXISTS bench_pos; DROP TABLE IF EXISTS bench_acc; DROP TABLE IF EXISTS bench_sym;
    CREATE TABLE bench_sym (id int PRIMARY KEY, price float8, sigma float8, adv float8, base float8, liq float8, sigmaref float8, k float8);
    CREATE TABLE bench_acc (id int PRIMARY KEY, cash float8, debt float8);
    CREATE TABLE bench_pos (acc int, sym int, qty float8);`);
  const n = book.symbols.length;
  const col = (f: (s: number) => number) => Array.from({ length: n }, (_, s) => f(s));
  await sql.query(
    `INSERT INTO bench_sym SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])`,
    [
      col((s) => s),
      col((s) => mkt.prices[s] ?? 0),
      col((s) => mkt.sigmas[s] ?? 0),
      col((s) => book.adv[s] ?? 0),
      col((s) => params.base[book.assetClass[s] ?? ""] ?? 1),
      col((s) => params.liquidityMultiplier[book.liquidityTier[s] ?? ""] ?? 1),
      col((s) => params.sigmaRef[book.assetClass[s] ?? ""] ?? 1),
      col((s) => mkt.multipliers[s] ?? 1),
    ],
  );
  const nAcc = book.accountIds.length;
  for (let from = 0; from < nAcc; from += 20_000) {
    const ids: number[] = [];
    for (let a = from; a < Math.min(nAcc, from + 20_000); a += 1) ids.push(a);
    await sql.query(`INSERT INTO bench_acc SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[])`, [
      ids,
      ids.map((a) => book.cash[a] ?? 0),
      ids.map((a) => book.debt[a] ?? 0),
    ]);
    const acc: number[] = [];
    const sym: number[] = [];
    const qty: number[] = [];
    for (const a of ids) {
      for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
        acc.push(a);
        sym.push(book.posSym[k] ?? 0);
        qty.push(book.posQty[k] ?? 0);
      }
    }
    await sql.query(`INSERT INTO bench_pos SELECT * FROM unnest($1::int[], $2::int[], $3::float8[])`, [acc, sym, qty]);
  }
  await sql.exec(`CREATE INDEX ON bench_pos (acc); ANALYZE bench_sym; ANALYZE bench_acc; ANALYZE bench_pos;`);
}

/** R1-R3 as one aggregate: per-position rate with the size tiers as CASE, sums per account, status. */
export function buildRevalueQuery(params: RiskParams): string {
  const tiers = params.sizeTiers
    .map(([bound, mult]) => (bound === null ? `ELSE ${mult}` : `WHEN p.v / s.adv <= ${bound} THEN ${mult}`))
    .join(" ");
  const hasElse = params.sizeTiers.some(([b]) => b === null);
  const last = params.sizeTiers[params.sizeTiers.length - 1]?.[1] ?? 1;
  const L = params.lines;
  return `
    WITH p AS (
      SELECT bp.acc, bp.sym, bp.qty * s.price AS v FROM bench_pos bp JOIN bench_sym s ON s.id = bp.sym
    ), r AS (
      SELECT p.acc, p.v,
        p.v * LEAST(1, GREATEST(s.base, s.base * s.liq * GREATEST(1, s.sigma / s.sigmaref)
          * (CASE WHEN s.adv <= 0 THEN ${last} ${tiers} ${hasElse ? "" : `ELSE ${last}`} END) * s.k)) AS mm
      FROM p JOIN bench_sym s ON s.id = p.sym
    ), a AS (
      SELECT acc, sum(v) AS mv, sum(mm) AS mm FROM r GROUP BY acc
    ), f AS (
      SELECT c.id, c.debt, c.cash + coalesce(a.mv, 0) - c.debt AS equity, coalesce(a.mm, 0) AS mm
      FROM bench_acc c LEFT JOIN a ON a.acc = c.id
    )
    SELECT CASE
        WHEN debt > 0 AND equity <= 0 THEN 'HARD_FLOOR'
        WHEN mm <= 0 THEN 'HEALTHY'
        WHEN equity / mm < ${L.hardFloor} THEN 'HARD_FLOOR'
        WHEN equity / mm < ${L.liquidation} THEN 'LIQUIDATION'
        WHEN equity / mm < ${L.warning} THEN 'WARNING'
        ELSE 'HEALTHY' END AS status, count(*)::int AS n
    FROM f GROUP BY 1`;
}
