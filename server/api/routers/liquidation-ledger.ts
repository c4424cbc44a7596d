// The account page's view of what liquidation did to the books: the ledger entries (with postings)
// that fills, repayments and the waterfall wrote for one client account. Read-only.
import { z } from "zod";
import { listLiquidationEntries } from "../../liquidation/account-ledger";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const liquidationLedgerRouter = createTRPCRouter({
  accountEntries: permissionProcedure("liquidation.view")
    .input(z.object({ accountId: z.string().min(1).max(64), limit: z.number().int().min(1).max(500).default(100) }))
    .output(
      z.array(
        z.object({
          id: z.string(),
          ts: z.date(),
          kind: z.string(),
          memo: z.string().nullable(),
          refType: z.string(),
          refId: z.string(),
          postings: z.array(
            z.object({ ledgerAccount: z.string(), accountId: z.string().nullable(), amount: z.number() }),
          ),
        }),
      ),
    )
    .query(({ ctx, input }) => listLiquidationEntries(ctx.prisma, input)),
});
