import { z } from "zod";
import { getIntervalBars, getWatchlist, streamMinutes } from "../../market/market-overview";
import { getBarHistory, listSymbols, streamBars } from "../../market/market-service";
import { trackEach } from "../tracked";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const symbol = z
  .string()
  .trim()
  .regex(/^\d{6}\.(SH|SZ)$/, "Symbol codes look like 600519.SH or 300750.SZ");

export const marketRouter = createTRPCRouter({
  symbols: permissionProcedure("market.view").query(({ ctx }) => listSymbols(ctx.prisma)),
  bars: permissionProcedure("market.view")
    .input(
      z.object({ symbol, limit: z.number().int().min(1).max(2000).default(240), before: z.number().int().optional() }),
    )
    .query(({ ctx, input }) => getBarHistory(ctx.prisma, ctx.services.hotBars, input)),
  /** M3: 1m bars or 5m / 15m rolled up from them. */
  intervalBars: permissionProcedure("market.view")
    .input(
      z.object({
        symbol,
        interval: z.enum(["1m", "5m", "15m"]),
        limit: z.number().int().min(1).max(1000).default(240),
        before: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => getIntervalBars(ctx.prisma, ctx.services.hotBars, input)),
  watchlist: permissionProcedure("market.view").query(({ ctx }) =>
    getWatchlist(ctx.prisma, ctx.sql, ctx.services.monitoring),
  ),
  status: permissionProcedure("market.view").query(({ ctx }) => ctx.engine?.status() ?? null),
  onBar: permissionProcedure("market.view")
    .input(z.object({ symbol, lastEventId: z.string().max(64).nullish() }))
    .subscription(({ ctx, input, signal }) => trackEach(streamBars(ctx, input, signal))),
  onMinute: permissionProcedure("market.view").subscription(({ ctx, signal }) =>
    trackEach(streamMinutes(ctx.bus, signal)),
  ),
});
