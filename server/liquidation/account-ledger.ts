// The ledger entries a liquidation wrote for one client account (R7: sale proceeds, fees, debt
// repayment; R8: the client's margin and the waterfall write-off), newest first, each with all of
// its postings so the account page can show where the money went and that every entry balances.
import type { PrismaClient } from "../db/generated/client";

export const LIQUIDATION_REF_TYPES = ["LiquidationFill", "LiquidationTicket"] as const;

export async function listLiquidationEntries(prisma: PrismaClient, input: { accountId: string; limit: number }) {
  const rows = await prisma.journalEntry.findMany({
    where: { refType: { in: [...LIQUIDATION_REF_TYPES] }, postings: { some: { accountId: input.accountId } } },
    orderBy: [{ ts: "desc" }, { id: "asc" }],
    take: input.limit,
    select: {
      id: true,
      ts: true,
      kind: true,
      memo: true,
      refType: true,
      refId: true,
      postings: { select: { ledgerAccount: true, accountId: true, amount: true } },
    },
  });
  return rows.map((e) => ({
    id: e.id,
    ts: e.ts,
    kind: e.kind,
    memo: e.memo,
    refType: e.refType ?? "",
    refId: e.refId ?? "",
    // Signed as stored: debit > 0, credit < 0 (CNY, two decimals).
    postings: e.postings.map((p) => ({
      ledgerAccount: p.ledgerAccount,
      accountId: p.accountId,
      amount: Number(p.amount.toString()),
    })),
  }));
}
