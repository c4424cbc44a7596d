import { z } from "zod";
import { appendAuditEvent } from "../../audit/audit-service";
import { createOwnApiToken, listOwnApiTokens, revokeApiToken } from "../../auth/api-tokens";
import { listOpenSessions, revokeUserSessions } from "../../auth/sessions";
import { stepUp } from "../../auth/step-up";
import { TOKEN_SCOPES } from "../../auth/token-policy";
import { beginTotpEnrollment, confirmTotpEnrollment } from "../../auth/totp-enrollment";
import { createTRPCRouter, interactiveProcedure, permissionProcedure, protectedProcedure } from "../trpc";

const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");
const id = z.string().min(1).max(64);

export const authRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  beginTotpEnrollment: protectedProcedure.mutation(({ ctx }) => beginTotpEnrollment(ctx.prisma, ctx.user.id)),
  confirmTotpEnrollment: protectedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => confirmTotpEnrollment(ctx.prisma, ctx.user.id, input.code)),
  // Bound to this session: it does not authorize the user's other sessions or tokens.
  stepUp: protectedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => stepUp(ctx.prisma, ctx.user, input.code)),
  sessions: protectedProcedure.query(async ({ ctx }) =>
    (await listOpenSessions(ctx.prisma, ctx.user.id)).map((s) => ({ ...s, current: s.id === ctx.user.sessionId })),
  ),
  // Ends every session of the caller, this one included, and their open streams.
  signOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await revokeUserSessions(ctx.prisma, ctx.user.id, "signOutEverywhere");
    await appendAuditEvent(ctx.prisma, {
      actorId: ctx.user.id,
      actorEmail: ctx.user.email,
      action: "auth.signOutEverywhere",
      targetType: "User",
      targetId: ctx.user.id,
      after: { sessionsEnded: ended },
    });
    return { ended };
  }),
  myApiTokens: permissionProcedure("apiTokens.own").query(({ ctx }) => listOwnApiTokens(ctx.prisma, ctx.user.id)),
  createApiToken: interactiveProcedure("apiTokens.own")
    .input(
      z.object({
        name: z.string().trim().min(1, "Name the token").max(80),
        scopes: z.array(z.enum(TOKEN_SCOPES)).max(TOKEN_SCOPES.length).default(["read"]),
      }),
    )
    .mutation(({ ctx, input }) => createOwnApiToken(ctx.prisma, ctx.user, input)),
  revokeApiToken: interactiveProcedure("apiTokens.own")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.prisma, ctx.user, input.id, { anyOwner: false })),
});
