// P3 risk check: a withdrawal may never take the account below its initial margin requirement.
// It is recomputed, in decimals, under the account row lock, at request and again at approval, from
// the account's current cash and debt and the latest market value (each position at its last
// one-minute close, prevClose when the symbol has no bar yet); the other open withdrawals count
// as already gone. Nothing comes from the last risk tick's equity: a withdrawal sent after that
// tick has already left Account.cash, so the tick's equity would count it twice as available.
//   equity = cash - debt + marketValue
//   headroom = equity - pendingOther - amount - initialMargin >= 0, and amount + pendingOther <= cash
// initialMargin = imRate x marketValue. imRate is the risk engine's book-level R2 rate of the
// account at its last tick (sum of im_i amounts / market value, the rates do not move with
// prices) or, without a snapshot, the most conservative rate the R2 model can ask for, im_i <= 1.
// The figures are strings with 2 decimals (CNY) so the approver sees exactly what was checked.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { lockAccountsTx, type Tx } from "../ledger/ledger-service";
import type { AccountRiskSource } from "../risk/ports";
import { AppError } from "../errors";
import { OPEN_STATES } from "./withdrawal-states";

export interface MarginCheck {
  ok: boolean;
  reason: string | null;
  source: "risk-engine" | "conservative";
  /** When the check ran, and the newest bar close its marks come from (ISO, null without positions). */
  checkedAt: string;
  marksAsOf: string | null;
  /** The risk tick whose R2 rate was used (ISO), null for the conservative rate. */
  rateAsOf: string | null;
  imRate: string; // initial margin / market value, 6 decimals
  cash: string; // CNY, 2 decimals, as every figure below
  debt: string;
  marketValue: string;
  equity: string;
  initialMargin: string;
  pendingOther: string;
  amount: string;
  equityAfter: string; // equity - pendingOther - amount
  headroom: string; // equityAfter - initialMargin
}

const dec = (v: { toString(): string } | number) => new Decimal(v.toString());
const cny = (d: Decimal) => d.toFixed(2);

/** Market value of the account's positions at their latest one-minute closes (DESIGN R1). */
async function loadMarketValue(db: Tx, accountId: string): Promise<{ marketValue: Decimal; marksAsOf: Date | null }> {
  const positions = await db.position.findMany({
    where: { accountId, qty: { gt: 0 } },
    select: { symbolCode: true, qty: true, symbol: { select: { prevClose: true } } },
  });
  if (positions.length === 0) return { marketValue: new Decimal(0), marksAsOf: null };
  const codes = positions.map((p) => p.symbolCode);
  const closes = await db.$queryRaw<Array<{ code: string; close: number; ts: Date }>>`
    SELECT DISTINCT ON ("symbolCode") "symbolCode" AS code, close, ts FROM "Bar1m"
    WHERE "symbolCode" = ANY(${codes}) ORDER BY "symbolCode", ts DESC`;
  const last = new Map(closes.map((c) => [c.code, dec(c.close)]));
  let marketValue = new Decimal(0);
  for (const p of positions)
    marketValue = marketValue.plus(dec(p.qty).times(last.get(p.symbolCode) ?? dec(p.symbol.prevClose)));
  const newest = closes.reduce<Date | null>((m, c) => (m === null || c.ts > m ? c.ts : m), null);
  return { marketValue: marketValue.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), marksAsOf: newest };
}

/** Runs inside the caller's transaction and takes the account row lock (accounts first, audit last). */
export async function checkWithdrawalMargin(
  tx: Tx,
  accountId: string,
  amount: Decimal,
  opts: { excludeWithdrawalId?: string; accountRisk?: AccountRiskSource; nowMs?: number; lock?: boolean } = {},
): Promise<MarginCheck> {
  if (opts.lock !== false) await lockAccountsTx(tx, [accountId]);
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { cash: true, debt: true } });
  if (!account) throw new AppError("NOT_FOUND", "Account not found.");
  const pending = await tx.withdrawal.aggregate({
    where: {
      accountId,
      status: { in: [...OPEN_STATES] },
      ...(opts.excludeWithdrawalId ? { id: { not: opts.excludeWithdrawalId } } : {}),
    },
    _sum: { amount: true },
  });
  const pendingOther = dec(pending._sum.amount ?? 0);
  const cash = dec(account.cash);
  const debt = dec(account.debt);
  const { marketValue, marksAsOf } = await loadMarketValue(tx, accountId);
  const snap = opts.accountRisk?.snapshot(accountId);
  const useSnap =
    snap !== undefined && snap.marketValue > 0 && Number.isFinite(snap.initialMargin) && snap.initialMargin >= 0;
  const imRate = useSnap
    ? Decimal.min(1, dec(snap.initialMargin).div(dec(snap.marketValue))).toDecimalPlaces(6, Decimal.ROUND_UP)
    : new Decimal(1);
  const initialMargin = marketValue.times(imRate).toDecimalPlaces(2, Decimal.ROUND_UP);
  const equity = cash.minus(debt).plus(marketValue);
  const equityAfter = equity.minus(pendingOther).minus(amount);
  const headroom = equityAfter.minus(initialMargin);
  let reason: string | null = null;
  if (amount.plus(pendingOther).gt(cash)) {
    reason = `Not enough free cash: ${cny(cash)} CNY, of which ${cny(pendingOther)} CNY is already requested.`;
  } else if (headroom.isNegative()) {
    reason = `This would take the account below its initial margin requirement (${cny(initialMargin)} CNY): equity after the withdrawal ${cny(equityAfter)} CNY.`;
  }
  return {
    ok: reason === null,
    reason,
    source: useSnap ? "risk-engine" : "conservative",
    checkedAt: new Date(opts.nowMs ?? Date.now()).toISOString(),
    marksAsOf: marksAsOf?.toISOString() ?? null,
    rateAsOf: useSnap ? new Date(snap.asOf).toISOString() : null,
    imRate: imRate.toFixed(6),
    cash: cny(cash),
    debt: cny(debt),
    marketValue: cny(marketValue),
    equity: cny(equity),
    initialMargin: cny(initialMargin),
    pendingOther: cny(pendingOther),
    amount: cny(amount),
    equityAfter: cny(equityAfter),
    headroom: cny(headroom),
  };
}

/** The check as the approver sees it before deciding: the same function on the same data, without the lock. */
export async function previewWithdrawalMargin(
  prisma: PrismaClient,
  withdrawalId: string,
  deps: { accountRisk?: AccountRiskSource; nowMs?: number } = {},
) {
  return prisma.$transaction(async (tx) => {
    const w = await tx.withdrawal.findUnique({
      where: { id: withdrawalId },
      select: { id: true, accountId: true, amount: true },
    });
    if (!w) throw new AppError("NOT_FOUND", "Withdrawal not found.");
    return checkWithdrawalMargin(tx, w.accountId, dec(w.amount), { excludeWithdrawalId: w.id, ...deps, lock: false });
  });
}
