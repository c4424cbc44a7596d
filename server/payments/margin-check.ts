// P3 risk check: a withdrawal may never take the account below its initial margin requirement.
// With the risk engine's live snapshot: equity - pending - amount >= initialMargin. Without it
// (risk plugin not running, or the account not yet revalued) we never skip the check: we value the
// positions at their last one-minute close (prevClose when no bar) and require the most
// conservative initial margin the R2 model can ask for, im_i <= 1, i.e. IM = market value; the
// condition becomes cash - debt - pending - amount >= 0. Cash itself can never go negative.
import type Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../ledger/ledger-service";
import type { AccountRiskSource } from "../services";
import { AppError } from "../errors";
import { OPEN_STATES } from "./withdrawal-states";

export interface MarginCheck {
  ok: boolean;
  reason: string | null;
  source: "risk-engine" | "conservative";
  cash: number;
  equity: number;
  initialMargin: number;
  pendingOther: number;
  equityAfter: number;
  headroom: number; // equity after the withdrawal minus the initial margin
}

export async function checkWithdrawalMargin(
  db: Tx | PrismaClient,
  accountId: string,
  amount: Decimal,
  opts: { excludeWithdrawalId?: string; accountRisk?: AccountRiskSource } = {},
): Promise<MarginCheck> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { cash: true, debt: true } });
  if (!account) throw new AppError("NOT_FOUND", "Account not found.");
  const pending = await db.withdrawal.aggregate({
    where: { accountId, status: { in: [...OPEN_STATES] }, ...(opts.excludeWithdrawalId ? { id: { not: opts.excludeWithdrawalId } } : {}) },
    _sum: { amount: true },
  });
  const pendingOther = Number(pending._sum.amount ?? 0);
  const cash = Number(account.cash);
  const snap = opts.accountRisk?.snapshot(accountId);
  let equity: number;
  let initialMargin: number;
  if (snap) {
    equity = snap.equity;
    initialMargin = snap.initialMargin;
  } else {
    const positions = await db.position.findMany({ where: { accountId, qty: { gt: 0 } }, select: { symbolCode: true, qty: true, symbol: { select: { prevClose: true } } } });
    const codes = positions.map((p) => p.symbolCode);
    const closes = codes.length
      ? await db.$queryRaw<Array<{ code: string; close: number }>>`
          SELECT DISTINCT ON ("symbolCode") "symbolCode" AS code, close FROM "Bar1m"
          WHERE "symbolCode" = ANY(${codes}) ORDER BY "symbolCode", ts DESC`
      : [];
    const last = new Map(closes.map((c) => [c.code, Number(c.close)]));
    const mv = positions.reduce((s, p) => s + p.qty * (last.get(p.symbolCode) ?? p.symbol.prevClose), 0);
    equity = cash + mv - Number(account.debt);
    initialMargin = mv;
  }
  const amt = amount.toNumber();
  const equityAfter = equity - pendingOther - amt;
  const headroom = equityAfter - initialMargin;
  let reason: string | null = null;
  if (amt + pendingOther > cash + 1e-9) {
    reason = `Not enough free cash: ${cash.toFixed(2)} CNY, of which ${pendingOther.toFixed(2)} CNY is already requested.`;
  } else if (headroom < -1e-9) {
    reason = `This would take the account below its initial margin requirement (${initialMargin.toFixed(2)} CNY): equity after the withdrawal ${equityAfter.toFixed(2)} CNY.`;
  }
  return {
    ok: reason === null, reason, source: snap ? "risk-engine" : "conservative",
    cash, equity, initialMargin, pendingOther, equityAfter, headroom,
  };
}
