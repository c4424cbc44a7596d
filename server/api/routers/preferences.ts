// preferences procedures: the signed-in user's own desk settings and watchlist (any role).
import { z } from "zod";
import {
  getPreferences,
  listWatchlist,
  setUpColor,
  touchRecentSymbol,
  unwatchSymbol,
  UP_COLORS,
  watchSymbol,
} from "../../desk/preferences";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const symbol = z
  .string()
  .trim()
  .regex(/^\d{6}\.(SH|SZ)$/, "Symbol codes look like 600519.SH or 300750.SZ");

export const preferencesRouter = createTRPCRouter({
  get: permissionProcedure("preferences.own").query(({ ctx }) => getPreferences(ctx.prisma, ctx.user.id)),
  setUpColor: permissionProcedure("preferences.own")
    .input(z.object({ upColor: z.enum(UP_COLORS).nullable() }))
    .mutation(({ ctx, input }) => setUpColor(ctx.prisma, ctx.user.id, input.upColor)),
  touchRecent: permissionProcedure("preferences.own")
    .input(z.object({ symbol }))
    .mutation(({ ctx, input }) => touchRecentSymbol(ctx.prisma, ctx.user.id, input.symbol)),
  watchlist: permissionProcedure("preferences.own").query(({ ctx }) => listWatchlist(ctx.prisma, ctx.user.id)),
  watch: permissionProcedure("preferences.own")
    .input(z.object({ symbol }))
    .mutation(({ ctx, input }) => watchSymbol(ctx.prisma, ctx.user.id, input.symbol)),
  unwatch: permissionProcedure("preferences.own")
    .input(z.object({ symbol }))
    .mutation(({ ctx, input }) => unwatchSymbol(ctx.prisma, ctx.user.id, input.symbol)),
});
