import { z } from "zod";
import { beginTotpEnrollment, confirmTotpEnrollment, stepUp } from "../../auth/totp-enrollment";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const code = z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");

export const authRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  beginTotpEnrollment: protectedProcedure.mutation(({ ctx }) => beginTotpEnrollment(ctx.prisma, ctx.user.id)),
  confirmTotpEnrollment: protectedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => confirmTotpEnrollment(ctx.prisma, ctx.user.id, input.code)),
  stepUp: protectedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => stepUp(ctx.prisma, ctx.user.id, input.code)),
});
