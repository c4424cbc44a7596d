import { z } from "zod";
import { verifyAuditChain } from "../../audit/audit-service";
import { listAuditEvents } from "../../audit/audit-query";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: permissionProcedure("audit.view")
    .input(
      z.object({
        action: z.string().max(64).optional(),
        actorEmail: z.string().max(128).optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listAuditEvents(ctx.prisma, input)),
  verify: permissionProcedure("audit.verify").mutation(({ ctx }) => verifyAuditChain(ctx.prisma)),
});
