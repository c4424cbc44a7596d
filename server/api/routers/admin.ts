import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../auth/api-tokens";
import { ROLES } from "../../auth/roles";
import { createUser, listUsers, setUserLock } from "../../auth/users";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const id = z.string().min(1).max(64);

export const adminRouter = createTRPCRouter({
  users: permissionProcedure("users.view").query(({ ctx }) => listUsers(ctx.prisma)),
  createUser: permissionProcedure("users.manage")
    .input(
      z.object({
        email: z.string().trim().email("Enter a valid email address"),
        name: z.string().trim().min(1, "Enter a name").max(100),
        role: z.enum(ROLES),
        password: z.string().min(12, "Passwords must be at least 12 characters").max(200),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.prisma, ctx.user, input)),
  setUserLock: permissionProcedure("users.manage")
    .input(z.object({ userId: id, disabled: z.boolean().optional(), unlock: z.boolean().optional() }))
    .mutation(({ ctx, input }) => setUserLock(ctx.prisma, ctx.user, input)),
  apiTokens: permissionProcedure("apiTokens.manage").query(({ ctx }) => listApiTokens(ctx.prisma)),
  createApiToken: permissionProcedure("apiTokens.manage")
    .input(z.object({ userId: id, name: z.string().trim().min(1, "Name the token").max(80) }))
    .mutation(({ ctx, input }) => createApiToken(ctx.prisma, ctx.user, input)),
  revokeApiToken: permissionProcedure("apiTokens.manage")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.prisma, ctx.user, input.id)),
  system: permissionProcedure("system.view").query(({ ctx }) => ({
    db: ctx.dbKind,
    engine: ctx.engine?.status() ?? null,
  })),
});
