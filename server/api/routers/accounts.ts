import { z } from "zod";
import { listAccounts } from "../../accounts/accounts-service";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const accountsRouter = createTRPCRouter({
  list: permissionProcedure("accounts.view")
    .input(
      z.object({
        search: z.string().max(64, "Search text is too long").optional(),
        cursor: z.string().max(32).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAccounts(ctx.prisma, input)),
});
