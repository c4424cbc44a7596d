// The book as the reports see it: each account's market value at the last one-minute close (the
// symbol's previous close when it has no bar yet), cash, debt, equity and leverage, computed in
// one SQL statement so a 100,000-account book is aggregated by the database, not in JavaScript.
import type { PrismaClient } from "../db/generated/client";

export interface ExposureRow {
  accountId: string;
  code: string;
  clientName: string;
  cash: number;
  debt: number;
  marketValue: number;
  equity: number;
  /** assets / equity; null when equity <= 0. */
  leverage: number | null;
  status: string | null;
}

/** Leverage buckets of the regulatory report (assets / equity). */
export const LEVERAGE_BUCKETS = [
  { label: "<= 1.5x", max: 1.5 },
  { label: "1.5-2x", max: 2 },
  { label: "2-3x", max: 3 },
  { label: "3-5x", max: 5 },
  { label: "5-10x", max: 10 },
  { label: "> 10x", max: Infinity },
] as const;
export const NEGATIVE_EQUITY_BUCKET = "equity <= 0";

/** Buckets leverage values (null = equity <= 0) into the report's labels: pure, for the chart. */
export function bucketLeverage(values: ReadonlyArray<number | null>): Array<{ label: string; value: number }> {
  const counts = new Map<string, number>(LEVERAGE_BUCKETS.map((b) => [b.label, 0]));
  let negative = 0;
  for (const v of values) {
    if (v === null) {
      negative += 1;
      continue;
    }
    // The last bucket is unbounded, so every finite leverage finds one.
    const label = LEVERAGE_BUCKETS.find((x) => v <= x.max)?.label ?? "> 10x";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [
    ...LEVERAGE_BUCKETS.map((b) => ({ label: b.label, value: counts.get(b.label) ?? 0 })),
    { label: NEGATIVE_EQUITY_BUCKET, value: negative },
  ];
}

/** Largest exposures (by debt) and the leverage of every account with debt. */
export async function readExposures(
  prisma: PrismaClient,
  opts: { top: number },
): Promise<{
  top: ExposureRow[];
  leverage: Array<number | null>;
  totals: { accounts: number; debt: number; equity: number; marketValue: number };
}> {
  const rows = await prisma.$queryRaw<
    Array<{
      id: string;
      code: string;
      clientName: string;
      cash: string;
      debt: string;
      mv: number;
      status: string | null;
    }>
  >`
    WITH px AS (
      SELECT s.code, COALESCE((SELECT b.close FROM "Bar1m" b WHERE b."symbolCode" = s.code ORDER BY b.ts DESC LIMIT 1), s."prevClose") AS close
      FROM "Symbol" s
    ), mv AS (
      SELECT p."accountId", SUM(p.qty * px.close)::float8 AS mv FROM "Position" p JOIN px ON px.code = p."symbolCode" GROUP BY p."accountId"
    )
    SELECT a.id, a.code, a."clientName", a.cash::text AS cash, a.debt::text AS debt, COALESCE(mv.mv, 0)::float8 AS mv, r.status
    FROM "Account" a LEFT JOIN mv ON mv."accountId" = a.id LEFT JOIN "AccountRiskState" r ON r."accountId" = a.id`;
  let debt = 0;
  let equity = 0;
  let marketValue = 0;
  const all: ExposureRow[] = rows.map((r) => {
    const cash = Number(r.cash);
    const d = Number(r.debt);
    const eq = cash + r.mv - d;
    debt += d;
    equity += eq;
    marketValue += r.mv;
    return {
      accountId: r.id,
      code: r.code,
      clientName: r.clientName,
      cash,
      debt: d,
      marketValue: r.mv,
      equity: eq,
      leverage: eq > 0 ? (cash + r.mv) / eq : null,
      status: r.status,
    };
  });
  const withDebt = all.filter((r) => r.debt > 0);
  const top = [...withDebt].sort((a, b) => b.debt - a.debt || a.code.localeCompare(b.code)).slice(0, opts.top);
  return {
    top,
    leverage: withDebt.map((r) => r.leverage),
    totals: { accounts: all.length, debt, equity, marketValue },
  };
}
