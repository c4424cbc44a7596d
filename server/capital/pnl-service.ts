// C1 daily P&L and the per-product view. P&L by Asia/Shanghai day from the ledger: interest and fee
// income accrued (credits to INTEREST_INCOME and FEE_INCOME) less the losses the platform's own risk
// capital absorbed in the waterfall (LOSS_ABSORBED debits to RISK_CAPITAL); the funding cost of each
// source accrued on what is drawn today is shown beside, not booked (sources bill outside the ledger).
import type { PrismaClient } from "../db/generated/client";
import { allocateByProduct, type ProductRow } from "./products";

export const PNL_DAYS = 30;

export interface PnlDay {
  day: string;
  income: number;
  losses: number;
  pnl: number;
}

export async function dailyPnl(prisma: PrismaClient, now = Date.now(), days = PNL_DAYS): Promise<PnlDay[]> {
  const since = new Date(now - days * 86_400_000);
  const rows = await prisma.$queryRaw<{ day: string; income: number; losses: number }[]>`
    SELECT to_char(e.ts AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
      COALESCE(SUM(CASE WHEN p."ledgerAccount" IN ('INTEREST_INCOME', 'FEE_INCOME') THEN -p.amount END), 0)::float8 AS income,
      COALESCE(SUM(CASE WHEN p."ledgerAccount" = 'RISK_CAPITAL' AND e.kind = 'LOSS_ABSORBED' THEN p.amount END), 0)::float8 AS losses
    FROM "Posting" p JOIN "JournalEntry" e ON e.id = p."entryId"
    WHERE e.ts >= ${since} AND p."ledgerAccount" IN ('INTEREST_INCOME', 'FEE_INCOME', 'RISK_CAPITAL')
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, income: r.income, losses: r.losses, pnl: r.income - r.losses }));
}

export interface ProductView extends ProductRow {
  name: string;
  income: number;
  costRate: number | null;
  /** Income over ES contribution (null when the product adds no risk). */
  riskAdjustedReturn: number | null;
}

/** Each funding source's loans, the opening book and unlevered accounts: capital, income, ES share. */
export async function productView(
  prisma: PrismaClient,
  accounts: readonly { accountId: string; debt: number; contribution: number }[],
): Promise<ProductView[]> {
  const [sources, loans, income] = await Promise.all([
    prisma.fundingSource.findMany({ select: { id: true, code: true, name: true, costRate: true } }),
    prisma.loan.findMany({
      where: { status: { in: ["OPEN", "OVERDUE"] } },
      select: { accountId: true, sourceId: true, principal: true },
    }),
    prisma.$queryRaw<{ sourceId: string; income: number }[]>`
      SELECT l."sourceId", SUM(a.interest + a.fee)::float8 AS income
      FROM "LoanAccrual" a JOIN "Loan" l ON l.id = a."loanId" GROUP BY l."sourceId"`,
  ]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const codeOf = (id: string) => byId.get(id)?.code ?? id;
  const rows = allocateByProduct(
    accounts,
    loans.map((l) => ({ accountId: l.accountId, product: codeOf(l.sourceId), principal: Number(l.principal) })),
  );
  const incomeOf = new Map(income.map((r) => [codeOf(r.sourceId), r.income]));
  const byCode = new Map(sources.map((s) => [s.code, s]));
  return rows.map((r) => {
    const inc = incomeOf.get(r.product) ?? 0;
    return {
      ...r,
      name: byCode.get(r.product)?.name ?? r.product,
      income: inc,
      costRate: byCode.get(r.product)?.costRate ?? null,
      riskAdjustedReturn: r.contribution > 0 ? inc / r.contribution : null,
    };
  });
}
