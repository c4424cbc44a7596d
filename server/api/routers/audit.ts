import { z } from "zod";
import { verifyAuditChain } from "../../audit/audit-service";
import { exportAuditCsv, listAuditEvents } from "../../audit/audit-query";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const epochMs = z.number().int().min(0).max(8.64e15);

const filters = z
  .object({
    action: z.string().max(64).optional(),
    actor: z.string().max(128).optional(),
    targetType: z.string().max(64).optional(),
    targetId: z.string().max(128).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from < f.to, {
    message: "The range's start must be before its end.",
    path: ["to"],
  });

export const auditRouter = createTRPCRouter({
  list: permissionProcedure("audit.view")
    .input(
      filters.and(
        z.object({
          beforeId: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      ),
    )
    .query(({ ctx, input }) => listAuditEvents(ctx.prisma, input)),
  exportCsv: permissionProcedure("audit.view")
    .input(filters)
    .mutation(({ ctx, input }) => exportAuditCsv(ctx.prisma, input, ctx.user)),
  verify: permissionProcedure("audit.verify").mutation(({ ctx }) => verifyAuditChain(ctx.prisma)),
});
