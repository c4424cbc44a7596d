// F1 new lending: the service a buy on margin calls before it settles. In one transaction (client
// account, then funding sources locked, audit last): the client's credit limit and the symbol and
// sector concentration limits; the funding source (failover to the backup when the preferred one is
// down or spiking, with an alert and an audit event); the client's price; the loan and its ledger
// drawdown. A refusal is returned (and audited), never half-applied.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { DEFAULT_PRICING, priceClient, type PriceQuote } from "../capital/pricing";
import { AppError } from "../errors";
import { lockAccountsTx, postEntryTx, type Tx } from "../ledger/ledger-service";
import { loanDrawdownEntry } from "./funding-entries";
import { checkLendingLimits, chooseSource, type LimitRefusal, type SourceChoice } from "./lending-rules";
import { OUTSTANDING, overdueDays } from "./overdue";
import { raiseFundingAlertTx, sourceViews, type Actor } from "./source-service";

/** Default service fee on loans, annual (charged daily from cash). */
export const DEFAULT_FEE_RATE = 0.01;
/** Key of the default limit row (CreditLimit.accountId, ConcentrationLimit.key). */
export const DEFAULT_KEY = "*";

export interface LendingRequest {
  accountId: string;
  symbol: string;
  amount: Decimal.Value;
  termDays: number;
  /** Annualised volatility of the client's portfolio after the buy (pricing); 0.3 when unknown. */
  sigmaAnnual?: number;
}

export type LendingDecision =
  | { ok: true; loanId: string; sourceCode: string; failoverFrom: string | null; quote: PriceQuote }
  | {
      ok: false;
      refusals: LimitRefusal[];
      noSource: boolean;
      tried: SourceChoice["tried"];
      /** The account's buys are restricted or it is frozen (surveillance or an overdue loan). */
      restricted?: "RESTRICT_BUYS" | "FROZEN";
    };

/** The SYMBOL limit row for a liquidity tier (e.g. "TIER:T3"): small caps get a tighter default. */
export const tierKey = (tier: string) => `TIER:${tier}`;

/** The most specific limit row: the key itself, then the tier's row (symbols only), then the default. */
async function limitOf(tx: Tx, scope: "SYMBOL" | "SECTOR", key: string, tier?: string): Promise<Decimal | null> {
  const keys = [key, ...(tier ? [tierKey(tier)] : []), DEFAULT_KEY];
  const rows = await tx.concentrationLimit.findMany({ where: { scope, key: { in: keys } } });
  for (const k of keys) {
    const row = rows.find((r) => r.key === k);
    if (row) return new Decimal(row.maxAmount.toString());
  }
  return null;
}

async function openLending(tx: Tx, where: { symbol?: string; sector?: string }): Promise<Decimal> {
  const r = await tx.loan.aggregate({
    where: { ...where, status: { in: OUTSTANDING } },
    _sum: { principal: true },
  });
  return new Decimal(r._sum.principal?.toString() ?? "0");
}

/** What the limits and sources say about a loan, inside the caller's transaction (no writes). */
export async function assessLendingTx(tx: Tx, req: LendingRequest) {
  const amount = new Decimal(req.amount).toDecimalPlaces(2);
  if (!amount.isFinite() || amount.lte(0)) throw new AppError("BAD_REQUEST", "The loan amount must be positive.");
  const [account, symbol] = await Promise.all([
    tx.account.findUnique({ where: { id: req.accountId }, select: { id: true, debt: true } }),
    tx.symbol.findUnique({ where: { code: req.symbol }, select: { code: true, sector: true, liquidityTier: true } }),
  ]);
  if (!account) throw new AppError("NOT_FOUND", `No account ${req.accountId}.`);
  if (!symbol) throw new AppError("NOT_FOUND", `No symbol ${req.symbol}.`);
  const limits = await tx.creditLimit.findMany({ where: { accountId: { in: [account.id, DEFAULT_KEY] } } });
  const credit = limits.find((l) => l.accountId === account.id) ?? limits.find((l) => l.accountId === DEFAULT_KEY);
  const refusals = checkLendingLimits(
    {
      amount,
      clientDebt: new Decimal(account.debt.toString()),
      clientLimit: credit ? new Decimal(credit.limitAmount.toString()) : null,
      symbol: symbol.code,
      symbolLending: await openLending(tx, { symbol: symbol.code }),
      symbolLimit: await limitOf(tx, "SYMBOL", symbol.code, symbol.liquidityTier),
      sector: symbol.sector,
      sectorLending: await openLending(tx, { sector: symbol.sector }),
      sectorLimit: await limitOf(tx, "SECTOR", symbol.sector),
    },
    account.id,
  );
  const choice = chooseSource(await sourceViews(tx), amount);
  return { amount, sector: symbol.sector, refusals, choice };
}

async function clientHistory(tx: Tx, accountId: string, now: Date) {
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const [marginCalls, liquidations, loans] = await Promise.all([
    tx.marginCall.count({ where: { accountId, openedMinute: { gte: since } } }),
    tx.liquidationTicket.count({ where: { accountId, createdAt: { gte: since }, status: "EXECUTED" } }),
    tx.loan.findMany({
      where: { accountId, status: { in: OUTSTANDING } },
      select: { createdAt: true, termDays: true },
    }),
  ]);
  return { marginCalls, liquidations, overdueDays: overdueDays(loans, now.getTime()) };
}

export async function requestNewLending(
  prisma: PrismaClient,
  actor: Actor,
  req: LendingRequest,
  now: Date = new Date(),
): Promise<LendingDecision> {
  return prisma.$transaction(async (tx) => {
    await lockAccountsTx(tx, [req.accountId]);
    // Sources are locked in code order so two loans racing for the last headroom serialize.
    await tx.$queryRaw`SELECT id FROM "FundingSource" ORDER BY code FOR UPDATE`;
    const audit = { actorId: actor.id, actorEmail: actor.email, targetType: "Account", targetId: req.accountId };
    const r = await tx.accountRestriction.findUnique({ where: { accountId: req.accountId } });
    if (r?.frozen || r?.restrictBuys) {
      const restricted = r.frozen ? "FROZEN" : "RESTRICT_BUYS";
      await appendAuditEventTx(tx, {
        ...audit,
        action: "funding.lending.refused",
        after: { amount: Number(req.amount), symbol: req.symbol, restricted, reason: r.reason },
      });
      return { ok: false, refusals: [], noSource: false, tried: [], restricted };
    }
    const a = await assessLendingTx(tx, req);
    if (a.refusals.length > 0 || !a.choice.source) {
      if (!a.choice.source && a.refusals.length === 0)
        await raiseFundingAlertTx(tx, {
          kind: "NO_SOURCE",
          severity: "CRITICAL",
          message: `No funding source can fund a loan of ${a.amount.toFixed(2)} CNY (${a.choice.tried.map((t) => `${t.code}: ${t.reason}`).join(", ")}).`,
        });
      await appendAuditEventTx(tx, {
        ...audit,
        action: "funding.lending.refused",
        after: {
          amount: a.amount.toNumber(),
          symbol: req.symbol,
          refusals: a.refusals.map((r) => ({ ...r, max: r.max.toNumber(), after: r.after.toNumber() })),
          tried: a.choice.tried,
        },
      });
      return { ok: false, refusals: a.refusals, noSource: !a.choice.source, tried: a.choice.tried };
    }
    const source = a.choice.source;
    const history = await clientHistory(tx, req.accountId, now);
    const quote = priceClient(
      {
        sourceCost: source.costRate,
        sigmaAnnual: req.sigmaAnnual ?? DEFAULT_PRICING.sigmaRef,
        marginCalls12m: history.marginCalls,
        liquidations12m: history.liquidations,
        overdueDays12m: history.overdueDays,
        termDays: req.termDays,
      },
      DEFAULT_PRICING,
    );
    const failoverFrom = a.choice.failoverReason ? (a.choice.preferred?.code ?? null) : null;
    const loan = await tx.loan.create({
      data: {
        accountId: req.accountId,
        sourceId: (await tx.fundingSource.findUniqueOrThrow({ where: { code: source.code }, select: { id: true } })).id,
        symbol: req.symbol,
        sector: a.sector,
        principal: a.amount.toFixed(2),
        rate: quote.rate,
        feeRate: DEFAULT_FEE_RATE,
        termDays: req.termDays,
        failoverFrom,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.fundingSource.update({
      where: { code: source.code },
      data: { drawn: { increment: a.amount.toFixed(2) } },
    });
    await postEntryTx(tx, loanDrawdownEntry(req.accountId, a.amount), {
      refType: "Loan",
      refId: loan.id,
      idempotencyKey: `loan:${loan.id}`,
    });
    if (failoverFrom) {
      await raiseFundingAlertTx(tx, {
        kind: "FAILOVER",
        severity: "WARNING",
        sourceCode: failoverFrom,
        message: `New lending failed over from ${failoverFrom} (${a.choice.failoverReason}) to ${source.code}.`,
        detail: { loanId: loan.id, from: failoverFrom, to: source.code, reason: a.choice.failoverReason },
      });
      await appendAuditEventTx(tx, {
        ...audit,
        action: "funding.failover",
        targetType: "Loan",
        targetId: loan.id,
        after: { from: failoverFrom, to: source.code, reason: a.choice.failoverReason, tried: a.choice.tried },
      });
    }
    await appendAuditEventTx(tx, {
      ...audit,
      action: "funding.lending.approved",
      after: {
        loanId: loan.id,
        amount: a.amount.toNumber(),
        symbol: req.symbol,
        source: source.code,
        rate: quote.rate,
      },
    });
    return { ok: true, loanId: loan.id, sourceCode: source.code, failoverFrom, quote };
  });
}

/** The same assessment without writes (the funding page's what-if). */
export async function previewNewLending(prisma: PrismaClient, req: LendingRequest) {
  return prisma.$transaction(async (tx) => {
    const a = await assessLendingTx(tx, req);
    return {
      amount: a.amount.toNumber(),
      refusals: a.refusals.map((r) => ({
        limit: r.limit,
        key: r.key,
        max: r.max.toNumber(),
        after: r.after.toNumber(),
      })),
      sourceCode: a.choice.source?.code ?? null,
      preferredCode: a.choice.preferred?.code ?? null,
      failoverReason: a.choice.failoverReason,
      sourceCost: a.choice.source?.costRate ?? null,
    };
  });
}
