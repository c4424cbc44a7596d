// C1-C3 read side for the managers' screens: usage and returns from the ledger, the book's ES and
// each account's Euler contribution (Monte Carlo in the compute pool, cached per minute), LCR,
// reserve ratio and the maturity ladder (C2), concentration and hedge proposals (C3).
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { runCompute } from "../workers/compute-pool";
import { measureConcentration } from "./concentration";
import { proposeHedges } from "./hedging";
import { computeLcr, maturityLadder, reserveRatio, type FundingKind, type LadderItem } from "./liquidity";
import { liquidityParamsInForce } from "./liquidity-settings";
import { loadMarketModel } from "./market-model";
import { dailyPnl, productView } from "./pnl-service";

const DAY = 86_400_000;
export const ES_ALPHA = 0.975;
export const ES_PATHS = 2000;
export const ES_NU = 4;

export async function ledgerBalances(prisma: PrismaClient, accounts: string[]) {
  const rows = await prisma.posting.groupBy({
    by: ["ledgerAccount"],
    where: { ledgerAccount: { in: accounts } },
    _sum: { amount: true },
  });
  return new Map(
    accounts.map((a) => [a, new Decimal(rows.find((r) => r.ledgerAccount === a)?._sum.amount?.toString() ?? "0")]),
  );
}

async function loadBook(prisma: PrismaClient) {
  const positions = await prisma.position.findMany({
    where: { qty: { gt: 0 } },
    select: {
      accountId: true,
      qty: true,
      symbol: { select: { code: true, sector: true, prevClose: true, beta: true, board: true, avgDailyValue: true } },
    },
  });
  const codes = [...new Set(positions.map((p) => p.symbol.code))].sort();
  const marks = new Map<string, number>();
  if (codes.length > 0) {
    const last = await prisma.$queryRaw<{ symbolCode: string; close: number }[]>`
      SELECT DISTINCT ON ("symbolCode") "symbolCode", close FROM "Bar1m"
      WHERE "symbolCode" = ANY(${codes}) ORDER BY "symbolCode", ts DESC`;
    for (const r of last) marks.set(r.symbolCode, r.close);
  }
  return positions.map((p) => ({
    accountId: p.accountId,
    symbol: p.symbol.code,
    sector: p.symbol.sector,
    beta: p.symbol.beta,
    board: p.symbol.board,
    adv: p.symbol.avgDailyValue,
    notional: p.qty * (marks.get(p.symbol.code) ?? p.symbol.prevClose),
  }));
}

/** Per database (a test process holds several), the minute it was computed for and the result. */
const esCache = new WeakMap<PrismaClient, { minute: number; value: Awaited<ReturnType<typeof computeEsUncached>> }>();

async function computeEsUncached(prisma: PrismaClient, seed: number) {
  const book = await loadBook(prisma);
  const symbols = [...new Set(book.map((b) => b.symbol))].sort();
  const index = new Map(symbols.map((s, i) => [s, i]));
  const accountIds = [...new Set(book.map((b) => b.accountId))].sort();
  const unitOf = new Map(accountIds.map((a, i) => [a, i]));
  const units = accountIds.map(() => [] as { symbol: number; notional: number }[]);
  for (const b of book)
    units[unitOf.get(b.accountId) as number]?.push({ symbol: index.get(b.symbol) as number, notional: b.notional });
  const model = await loadMarketModel(prisma, symbols);
  if (symbols.length === 0)
    return {
      var: 0,
      es: 0,
      alpha: ES_ALPHA,
      paths: ES_PATHS,
      nu: ES_NU,
      model: model.source,
      bars: 0,
      accounts: [],
      symbols: 0,
    };
  const r = await runCompute("capital.bookEs", {
    sigmas: model.sigmas,
    correlation: model.correlation,
    nu: ES_NU,
    paths: ES_PATHS,
    seed,
    horizon: 1,
    alpha: ES_ALPHA,
    units,
  });
  const accounts = await prisma.account.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, code: true, debt: true },
  });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return {
    var: r.var,
    es: r.es,
    alpha: ES_ALPHA,
    paths: ES_PATHS,
    nu: ES_NU,
    model: model.source,
    bars: model.bars,
    symbols: symbols.length,
    accounts: accountIds
      .map((id, i) => ({
        accountId: id,
        code: byId.get(id)?.code ?? id,
        debt: Number(byId.get(id)?.debt ?? 0),
        contribution: r.contributions[i] ?? 0,
        exposure: (units[i] ?? []).reduce((a, l) => a + l.notional, 0),
      }))
      .sort((a, b) => b.contribution - a.contribution),
  };
}

/** The book's ES and Euler contributions, recomputed at most once a minute (seeded by the minute). */
export async function bookExpectedShortfall(prisma: PrismaClient, now = Date.now()) {
  const minute = Math.floor(now / 60_000);
  const hit = esCache.get(prisma);
  if (hit?.minute === minute) return hit.value;
  const value = await computeEsUncached(prisma, minute);
  esCache.set(prisma, { minute, value });
  return value;
}

/** C2: LCR with the versioned assumptions, reserve ratio and the maturity ladder. */
export async function liquidityView(prisma: PrismaClient, now = Date.now()) {
  const [params, sources, loans, limits, pools, debtAgg] = await Promise.all([
    liquidityParamsInForce(prisma),
    prisma.fundingSource.findMany(),
    prisma.loan.findMany({
      where: { status: { in: ["OPEN", "OVERDUE"] } },
      select: { principal: true, createdAt: true, termDays: true },
    }),
    prisma.creditLimit.findMany({ where: { accountId: { not: "*" } } }),
    ledgerBalances(prisma, ["LIQUIDITY_POOL", "OVERNIGHT_POOL", "GUARANTEE_FUND"]),
    prisma.account.aggregate({ _sum: { debt: true } }),
  ]);
  const daysTo = (d: Date) => Math.max(0, (d.getTime() - now) / DAY);
  const fundingDue30d: Record<FundingKind, number> = {
    OWN_CAPITAL: 0,
    BANK_CREDIT: 0,
    INSTITUTIONAL: 0,
    RETAIL_POOL: 0,
  };
  const items: LadderItem[] = [];
  for (const s of sources) {
    const days = s.status === "DOWN" ? 0 : daysTo(s.maturityDate); // a failed source is due now
    if (days <= 30)
      fundingDue30d[s.kind as FundingKind] = (fundingDue30d[s.kind as FundingKind] ?? 0) + Number(s.drawn);
    items.push({ side: "FUNDING", amount: Number(s.drawn), days });
  }
  let repayments30 = 0;
  let termLending = 0;
  for (const l of loans) {
    const days = daysTo(new Date(l.createdAt.getTime() + l.termDays * DAY));
    if (days <= 30) repayments30 += Number(l.principal);
    termLending += Number(l.principal);
    items.push({ side: "LENDING", amount: Number(l.principal), days });
  }
  // Book debt with no term record (the opening book) has no contractual maturity: the longest bucket.
  const untermed = Math.max(0, Number(debtAgg._sum.debt ?? 0) - termLending);
  if (untermed > 0) items.push({ side: "LENDING", amount: untermed, days: Infinity });
  const undrawn = await Promise.all(
    limits.map(async (l) => {
      const a = await prisma.account.findUnique({ where: { id: l.accountId }, select: { debt: true } });
      return Math.max(0, Number(l.limitAmount) - Number(a?.debt ?? 0));
    }),
  );
  const liquidity = pools.get("LIQUIDITY_POOL")?.toNumber() ?? 0;
  const overnight = pools.get("OVERNIGHT_POOL")?.toNumber() ?? 0;
  const lcr = computeLcr(
    {
      hqla: { LEVEL1: liquidity + overnight, LEVEL2A: 0, LEVEL2B: 0 },
      fundingDue30d,
      undrawnClientCredit: undrawn.reduce((a, b) => a + b, 0),
      loanRepaymentsDue30d: repayments30,
    },
    params,
  );
  const drawn = sources.reduce((a, s) => a + Number(s.drawn), 0);
  const reserve = reserveRatio(liquidity + overnight, drawn);
  return {
    params,
    lcr,
    reserveRatio: reserve,
    lcrBelowLine: lcr.lcr !== null && lcr.lcr < params.minLcr,
    reserveBelowLine: reserve !== null && reserve < params.minReserveRatio,
    pools: { liquidity, overnight, guarantee: -(pools.get("GUARANTEE_FUND")?.toNumber() ?? 0) },
    ladder: maturityLadder(items),
    fundingDrawn: drawn,
    fundingLimit: sources.reduce((a, s) => a + Number(s.limitAmount), 0),
  };
}

export async function capitalDashboard(prisma: PrismaClient, now = Date.now()) {
  const [income, debt, liquidity, es, pnl] = await Promise.all([
    ledgerBalances(prisma, ["INTEREST_INCOME", "FEE_INCOME"]),
    prisma.account.aggregate({ _sum: { debt: true }, _count: { _all: true } }),
    liquidityView(prisma, now),
    bookExpectedShortfall(prisma, now),
    dailyPnl(prisma, now),
  ]);
  const products = await productView(prisma, es.accounts);
  const interest = -(income.get("INTEREST_INCOME")?.toNumber() ?? 0);
  const fees = -(income.get("FEE_INCOME")?.toNumber() ?? 0);
  const capitalUsed = Number(debt._sum.debt ?? 0);
  return {
    capitalUsed,
    accounts: debt._count._all,
    interestIncome: interest,
    feeIncome: fees,
    returnOnCapital: capitalUsed > 0 ? (interest + fees) / capitalUsed : null,
    // Risk-adjusted return: income over the capital the tail risk needs (ES).
    riskAdjustedReturn: es.es > 0 ? (interest + fees) / es.es : null,
    es: { ...es, accounts: es.accounts.slice(0, 50), accountCount: es.accounts.length },
    liquidity,
    pnl,
    products,
  };
}

export async function concentrationView(prisma: PrismaClient, topN = 10) {
  const book = await loadBook(prisma);
  const c = measureConcentration(book, topN);
  const hedges = proposeHedges(
    book.map((b) => ({ symbol: b.symbol, board: b.board, beta: b.beta, notional: b.notional, adv: b.adv })),
  );
  return { ...c, bySymbol: c.bySymbol.slice(0, 50), bySector: c.bySector, hedges };
}
