// Account list for the desk (paged, searchable). The risk figures per account arrive with the
// risk engine issue; here the stored book: cash, debt, positions at their last price.
import type { PrismaClient, Prisma } from "../db/generated/client";

export interface AccountListInput {
  search?: string;
  cursor?: string; // account code to continue after
  limit: number;
}

export async function listAccounts(prisma: PrismaClient, input: AccountListInput) {
  const search = input.search?.trim();
  const where: Prisma.AccountWhereInput = {
    ...(search
      ? { OR: [{ code: { contains: search, mode: "insensitive" } }, { clientName: { contains: search } }] }
      : {}),
    ...(input.cursor ? { code: { gt: input.cursor } } : {}),
  };
  const rows = await prisma.account.findMany({
    where,
    orderBy: { code: "asc" },
    take: input.limit + 1,
    select: {
      id: true, code: true, clientName: true, kycLevel: true, cash: true, debt: true,
      positions: { select: { qty: true, symbol: { select: { prevClose: true } } } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((a) => {
      const marketValue = a.positions.reduce((s, p) => s + p.qty * p.symbol.prevClose, 0);
      const cash = Number(a.cash);
      const debt = Number(a.debt);
      return {
        id: a.id,
        code: a.code,
        clientName: a.clientName,
        kycLevel: a.kycLevel,
        cash,
        debt,
        positions: a.positions.length,
        marketValue,
        // R1 at yesterday's close until the risk engine revalues live.
        coverageRatio: debt > 0 ? (cash + marketValue) / debt : null,
      };
    }),
    nextCursor: rows.length > input.limit ? page[page.length - 1]?.code ?? null : null,
    total: await prisma.account.count({ where: search ? { OR: where.OR } : {} }),
  };
}
