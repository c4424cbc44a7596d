// F1 client pricing for one account, as the account page shows it: the cost of the source new lending
// would use now, plus the risk premium from the account's portfolio volatility (from the same market
// model as C1's Monte Carlo, annualised over 242 trading days), its last 12 months (margin calls,
// executed liquidations, days overdue) and the term.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { DEFAULT_PRICING, priceClient } from "../capital/pricing";
import { loadMarketModel } from "../capital/market-model";
import { AppError } from "../errors";
import { chooseSource } from "./lending-rules";
import { OUTSTANDING, overdueDays } from "./overdue";
import { sourceViews } from "./source-service";

export const QUOTE_TERM_DAYS = 180;
export const TRADING_DAYS_PER_YEAR = 242;
const DAY = 86_400_000;

/** sqrt(w' S w) with S_ij = rho_ij s_i s_j; weights are shares of the portfolio's value. */
export function portfolioSigma(weights: readonly number[], sigmas: readonly number[], corr: readonly number[][]) {
  let v = 0;
  for (let i = 0; i < weights.length; i++)
    for (let j = 0; j < weights.length; j++)
      v += (weights[i] ?? 0) * (weights[j] ?? 0) * (sigmas[i] ?? 0) * (sigmas[j] ?? 0) * (corr[i]?.[j] ?? 0);
  return Math.sqrt(Math.max(0, v));
}

export async function quoteForAccount(prisma: PrismaClient, accountId: string, now = Date.now()) {
  const account = await prisma.account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) throw new AppError("NOT_FOUND", `No account ${accountId}.`);
  const since = new Date(now - 365 * DAY);
  const [positions, views, marginCalls, liquidations, loans] = await Promise.all([
    prisma.position.findMany({
      where: { accountId, qty: { gt: 0 } },
      select: { qty: true, symbol: { select: { code: true, prevClose: true } } },
    }),
    sourceViews(prisma),
    prisma.marginCall.count({ where: { accountId, openedMinute: { gte: since } } }),
    prisma.liquidationTicket.count({ where: { accountId, createdAt: { gte: since }, status: "EXECUTED" } }),
    prisma.loan.findMany({
      where: { accountId, status: { in: OUTSTANDING } },
      select: { createdAt: true, termDays: true },
    }),
  ]);
  const route = chooseSource(views, new Decimal(0));
  const symbols = positions.map((p) => p.symbol.code);
  const model = await loadMarketModel(prisma, symbols);
  const values = positions.map((p) => p.qty * p.symbol.prevClose);
  const total = values.reduce((a, b) => a + b, 0);
  const daily =
    total > 0
      ? portfolioSigma(
          values.map((v) => v / total),
          model.sigmas,
          model.correlation,
        )
      : 0;
  const sigmaAnnual = daily * Math.sqrt(TRADING_DAYS_PER_YEAR);
  const history = {
    marginCalls12m: marginCalls,
    liquidations12m: liquidations,
    overdueDays12m: overdueDays(loans, now),
  };
  const source = route.source;
  return {
    sourceCode: source?.code ?? null,
    failedOverFrom: route.failoverReason ? (route.preferred?.code ?? null) : null,
    termDays: QUOTE_TERM_DAYS,
    sigmaAnnual,
    model: model.source,
    ...history,
    quote: source
      ? priceClient(
          { sourceCost: source.costRate, sigmaAnnual, termDays: QUOTE_TERM_DAYS, ...history },
          DEFAULT_PRICING,
        )
      : null,
  };
}
