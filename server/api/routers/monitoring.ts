// monitoring procedures (M1, M2 drills, M4-M6). Each one: input schema, permissionProcedure("<permission>"), one service call.
import { z } from "zod";
import { acknowledgeAlert, listActions, listAlerts, updateRule, loadRules } from "../../market/monitoring/alert-store";
import { SEVERITIES } from "../../market/monitoring/alert-rules";
import { DRILL_KINDS } from "../../market/monitoring/drills";
import { FEED_CHOICES } from "../../market/monitoring/feed-admin";
import {
  getFeedHealth,
  getIndicators,
  getLatency,
  getRetentionSetting,
  setRetention,
  streamAlerts,
} from "../../market/monitoring/monitoring-service";
import { publishConfigChange } from "../../engine/config-events";
import { trackEach } from "../tracked";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const symbol = z
  .string()
  .trim()
  .regex(/^\d{6}\.(SH|SZ)$/, "Symbol codes look like 600519.SH or 300750.SZ");
const id = z.string().min(1).max(64);

export const monitoringRouter = createTRPCRouter({
  alerts: permissionProcedure("alerts.view")
    .input(
      z.object({
        symbol: symbol.optional(),
        status: z.enum(["open", "acked", "all"]).default("all"),
        limit: z.number().int().min(1).max(500).default(100),
        before: z.number().int().optional(),
        minSeverity: z.enum(["INFO", "WARNING", "CRITICAL"]).optional(),
      }),
    )
    .query(({ ctx, input }) => listAlerts(ctx.prisma, input)),
  ack: permissionProcedure("alerts.ack")
    .input(z.object({ id, note: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) => acknowledgeAlert(ctx.prisma, ctx.user, input)),
  onAlert: permissionProcedure("alerts.view").subscription(({ ctx, signal }) =>
    trackEach(streamAlerts(ctx.bus, signal)),
  ),
  latency: permissionProcedure("alerts.view").query(({ ctx }) => getLatency(ctx.services.monitoring)),
  rules: permissionProcedure("alerts.view").query(({ ctx }) => loadRules(ctx.prisma)),
  updateRule: permissionProcedure("alertRules.manage")
    .input(
      z.object({
        id,
        enabled: z.boolean().optional(),
        multiplier: z.number().min(1).max(5).optional(),
        durationMin: z.number().int().min(1).max(1440).optional(),
        minSeverity: z.enum(SEVERITIES as [string, ...string[]]).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const rule = await updateRule(ctx.prisma, ctx.user, input);
      await ctx.services.monitoring.reloadRules();
      publishConfigChange(ctx.bus, { kind: "rules", op: "changed", id: rule.id });
      return rule;
    }),
  actions: permissionProcedure("alerts.view")
    .input(z.object({ activeOnly: z.boolean().default(true), symbol: symbol.optional() }))
    .query(({ ctx, input }) => listActions(ctx.prisma, { ...input, now: new Date() })),
  revokeAction: permissionProcedure("alertRules.manage")
    .input(z.object({ id }))
    .mutation(async ({ ctx, input }) => {
      return ctx.services.monitoring.revokeAction(ctx.user, input.id);
    }),
  indicators: permissionProcedure("market.view")
    .input(z.object({ symbols: z.array(symbol).min(1).max(100) }))
    .query(({ ctx, input }) => getIndicators(ctx.services.monitoring, input.symbols)),
  feedHealth: permissionProcedure("market.view").query(({ ctx }) => getFeedHealth(ctx.engine)),
  switchFeeds: permissionProcedure("feeds.manage")
    .input(
      z
        .object({
          primary: z.enum(FEED_CHOICES),
          secondary: z.enum(FEED_CHOICES).nullable(),
          wsUrl: z
            .string()
            .trim()
            .regex(/^wss?:\/\/\S+$/, "A WebSocket URL starts with ws:// or wss://")
            .optional(),
        })
        .refine((v) => v.primary !== v.secondary, {
          message: "Primary and secondary must be different sources",
          path: ["secondary"],
        }),
    )
    .mutation(({ ctx, input }) => ctx.services.monitoring.switchFeeds(ctx.user, input)),
  runDrill: permissionProcedure("drills.run")
    .input(
      z.object({
        kind: z.enum(DRILL_KINDS),
        symbol: symbol.optional(),
        sector: z.string().trim().min(1).max(60).optional(),
        magnitude: z.number().min(0.01).max(0.5).optional(),
        minutes: z.number().int().min(1).max(60).optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.services.monitoring.runDrill(ctx.user, input)),
  retention: permissionProcedure("market.view").query(({ ctx }) => getRetentionSetting(ctx.prisma)),
  setRetention: permissionProcedure("feeds.manage")
    .input(z.object({ barDays: z.number().int().min(1).max(3650), depthDays: z.number().int().min(1).max(365) }))
    .mutation(({ ctx, input }) => setRetention(ctx.prisma, ctx.user, input)),
});
