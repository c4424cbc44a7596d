// Capital (C1-C3): the managers' dashboard, liquidity and concentration views. Reads only.
import { z } from "zod";
import { capitalDashboard, concentrationView, liquidityView } from "../../capital/capital-service";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const capitalRouter = createTRPCRouter({
  dashboard: permissionProcedure("capital.view").query(({ ctx }) => capitalDashboard(ctx.prisma)),
  liquidity: permissionProcedure("capital.view").query(({ ctx }) => liquidityView(ctx.prisma)),
  concentration: permissionProcedure("capital.view")
    .input(z.object({ topN: z.number().int().min(1).max(50).default(10) }).default({ topN: 10 }))
    .query(({ ctx, input }) => concentrationView(ctx.prisma, input.topN)),
});
