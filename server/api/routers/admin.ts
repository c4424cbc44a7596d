import { z } from "zod";
import { decideAccessProposal, listAccessProposals } from "../../auth/access-proposals";
import { listApiTokens, revokeApiToken } from "../../auth/api-tokens";
import { ROLES } from "../../auth/roles";
import { listSecurityAlerts } from "../../auth/security-alerts";
import { createUser, listUsers, proposeRoleChange, proposeTotpReset, setUserLock } from "../../auth/users";
import { createTRPCRouter, interactiveProcedure, permissionProcedure, stepUpProcedure } from "../trpc";

const id = z.string().min(1).max(64);
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "The authenticator code has 6 digits");

export const adminRouter = createTRPCRouter({
  users: permissionProcedure("users.view").query(({ ctx }) => listUsers(ctx.prisma)),
  // MANAGER and ADMIN users become a proposal for a second administrator (four eyes).
  createUser: interactiveProcedure("users.manage")
    .input(
      z.object({
        email: z
          .string()
          .trim()
          .max(254, "Email addresses have at most 254 characters")
          .email("Enter a valid email address"),
        name: z.string().trim().min(1, "Enter a name").max(100),
        role: z.enum(ROLES),
        password: z.string().min(12, "Passwords must be at least 12 characters").max(200),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.prisma, ctx.user, input)),
  setUserLock: interactiveProcedure("users.manage")
    .input(z.object({ userId: id, disabled: z.boolean().optional(), unlock: z.boolean().optional() }))
    .mutation(({ ctx, input }) => setUserLock(ctx.prisma, ctx.user, input)),
  proposeRoleChange: interactiveProcedure("users.manage")
    .input(z.object({ userId: id, role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) => proposeRoleChange(ctx.prisma, ctx.user, input)),
  proposeTotpReset: interactiveProcedure("users.manage")
    .input(z.object({ userId: id }))
    .mutation(({ ctx, input }) => proposeTotpReset(ctx.prisma, ctx.user, input)),
  accessProposals: permissionProcedure("users.view")
    .input(z.object({ pendingOnly: z.boolean().default(true) }).default({ pendingOnly: true }))
    .query(({ ctx, input }) => listAccessProposals(ctx.prisma, input)),
  // A second ADMIN, with a step-up in this session (totpCode verified by the procedure).
  decideAccessProposal: stepUpProcedure("users.manage")
    .input(
      z.object({
        id,
        approve: z.boolean(),
        note: z.string().trim().max(500).optional(),
        totpCode: totpCode.optional(),
      }),
    )
    .mutation(({ ctx, input }) => decideAccessProposal(ctx.prisma, ctx.user, input)),
  securityAlerts: permissionProcedure("users.view").query(({ ctx }) => listSecurityAlerts(ctx.prisma)),
  apiTokens: permissionProcedure("apiTokens.manage").query(({ ctx }) => listApiTokens(ctx.prisma)),
  revokeApiToken: interactiveProcedure("apiTokens.manage")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.prisma, ctx.user, input.id, { anyOwner: true })),
  system: permissionProcedure("system.view").query(({ ctx }) => ({
    db: ctx.dbKind,
    engine: ctx.engine?.status() ?? null,
  })),
});
