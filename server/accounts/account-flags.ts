// Compliance flags of accounts for the accounts list (S5): an open surveillance case (its status,
// priority and the rules that hit) and a restriction or freeze in force. Only flagged accounts have
// rows, so the read is small next to the book.
import type { PrismaClient } from "../db/generated/client";

export interface AccountFlags {
  case: { id: string; status: string; priority: number; rules: string[] } | null;
  restrictBuys: boolean;
  frozen: boolean;
}

export async function readAccountFlags(prisma: PrismaClient): Promise<Map<string, AccountFlags>> {
  const [cases, restrictions] = await Promise.all([
    prisma.surveillanceCase.findMany({
      where: { status: { not: "CLOSED" } },
      select: { id: true, accountId: true, status: true, priority: true, rules: true },
    }),
    prisma.accountRestriction.findMany({
      where: { OR: [{ restrictBuys: true }, { frozen: true }] },
      select: { accountId: true, restrictBuys: true, frozen: true },
    }),
  ]);
  const flags = new Map<string, AccountFlags>();
  for (const c of cases) {
    flags.set(c.accountId, {
      case: { id: c.id, status: c.status, priority: c.priority, rules: c.rules },
      restrictBuys: false,
      frozen: false,
    });
  }
  for (const r of restrictions) {
    const f = flags.get(r.accountId) ?? { case: null, restrictBuys: false, frozen: false };
    flags.set(r.accountId, { ...f, restrictBuys: r.restrictBuys, frozen: r.frozen });
  }
  return flags;
}
