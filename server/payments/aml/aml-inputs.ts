// Loads what the P4 rules need about an account from the database (the rules themselves are pure).
// Traded value since the deposits is approximated by today's buys (Position.qtyToday at the
// previous close): the core book keeps no trade history (documented limitation).
import type { PrismaClient } from "../../db/generated/client";
import type { Tx } from "../../ledger/ledger-service";
import type { AmlInput } from "./rules";

const WEEK = 7 * 24 * 3600_000;

export async function loadAmlInput(
  db: Tx | PrismaClient,
  w: {
    accountId: string;
    amount: number;
    crossBorder: boolean;
    ip: string | null;
    deviceId: string | null;
    beneficiaryAcct: string;
    excludeId?: string;
  },
  nowMs: number,
): Promise<AmlInput> {
  const from = new Date(nowMs - WEEK);
  const [account, withdrawals, deposits, logins, beneficiary, positions, chargebacks] = await Promise.all([
    db.account.findUnique({ where: { id: w.accountId }, select: { kycLevel: true } }),
    db.withdrawal.findMany({
      where: {
        accountId: w.accountId,
        createdAt: { gte: from },
        status: { not: "REJECTED" },
        ...(w.excludeId ? { id: { not: w.excludeId } } : {}),
      },
      select: { createdAt: true, amount: true },
    }),
    db.deposit.findMany({
      where: { accountId: w.accountId, status: "CONFIRMED", createdAt: { gte: from } },
      select: { createdAt: true, amount: true },
    }),
    db.clientLogin.findMany({
      where: { accountId: w.accountId, ts: { lte: new Date(nowMs) } },
      orderBy: { ts: "desc" },
      take: 50,
    }),
    db.beneficiary.findUnique({
      where: { accountId_bankAcct: { accountId: w.accountId, bankAcct: w.beneficiaryAcct } },
    }),
    db.position.findMany({
      where: { accountId: w.accountId, qtyToday: { gt: 0 } },
      select: { qtyToday: true, symbol: { select: { prevClose: true } } },
    }),
    db.deposit.findMany({
      where: { accountId: w.accountId, chargebackAt: { not: null } },
      select: { chargebackAt: true },
    }),
  ]);
  return {
    nowMs,
    amount: w.amount,
    crossBorder: w.crossBorder,
    cash: false,
    kycLevel: account?.kycLevel ?? 1,
    ip: w.ip,
    deviceId: w.deviceId,
    priorWithdrawals: withdrawals.map((x) => ({ ts: x.createdAt.getTime(), amount: Number(x.amount) })),
    deposits: deposits.map((x) => ({ ts: x.createdAt.getTime(), amount: Number(x.amount) })),
    logins: logins.map((l) => ({ ts: l.ts.getTime(), ip: l.ip, deviceId: l.deviceId })),
    beneficiaryAddedAt: beneficiary ? beneficiary.addedAt.getTime() : null,
    tradedValueSinceDeposits: positions.reduce((s, p) => s + p.qtyToday * p.symbol.prevClose, 0),
    chargebacks: chargebacks.flatMap((c) => (c.chargebackAt ? [c.chargebackAt.getTime()] : [])),
  };
}
