// Risk procedures: tick status, heatmap (R9), margin calls, parameter governance (R2).
// Each one: input schema, permissionProcedure("<permission>"), one service call; the reads declare
// their output (./risk-outputs.ts), which pages depend on.
import { z } from "zod";
import { heatBandSchema } from "../../risk/heat-bands";
import { buildHeatmap, listHeatmapCell } from "../../risk/heatmap-service";
import { getLiveEngine } from "../../risk/live-book";
import { escalateMarginCall, listOpenMarginCalls } from "../../risk/margin-call-service";
import type { RiskParams } from "../../risk/margin/risk-params";
import { streamRiskTicks } from "../../risk/tick-stream";
import { riskParamsSchema } from "../../risk/params/param-schema";
import { decideParams, listParamVersions, proposeParams } from "../../risk/params/param-service";
import { trackEach } from "../tracked";
import { createTRPCRouter, permissionProcedure } from "../trpc";
import { heatmapCellOut, heatmapOut, marginCallsOut, paramVersionsOut, riskTickOut } from "./risk-outputs";

export const riskRouter = createTRPCRouter({
  /** Counts per status at the last bar close (desk panel). */
  status: permissionProcedure("risk.view")
    .output(riskTickOut)
    .query(async ({ ctx }) => (await getLiveEngine(ctx)).lastTick()),
  onTick: permissionProcedure("risk.view")
    .input(z.object({ lastEventId: z.string().max(64).nullish() }).optional())
    .subscription(({ ctx, input, signal }) => trackEach(streamRiskTicks(ctx, signal, input?.lastEventId))),
  heatmap: permissionProcedure("risk.view")
    .output(heatmapOut)
    .query(({ ctx }) => buildHeatmap(ctx)),
  /** The accounts of one heatmap cell (sector x margin-level band), worst first. */
  heatmapCell: permissionProcedure("risk.view")
    .input(
      z.object({
        sector: z.string().trim().min(1).max(64),
        band: heatBandSchema,
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .output(heatmapCellOut)
    .query(({ ctx, input }) => listHeatmapCell(ctx, input)),
  marginCalls: permissionProcedure("risk.view")
    .output(marginCallsOut)
    .query(({ ctx }) => listOpenMarginCalls(ctx.prisma)),
  escalateMarginCall: permissionProcedure("marginCalls.manage")
    .input(
      z.object({
        id: z.string().min(1).max(64),
        note: z.string().trim().min(3, "Say why (at least 3 characters)").max(500),
      }),
    )
    .mutation(({ ctx, input }) => escalateMarginCall(ctx.prisma, ctx.user, input)),
  params: permissionProcedure("riskParams.view")
    .output(paramVersionsOut)
    .query(({ ctx }) => listParamVersions(ctx.prisma)),
  proposeParams: permissionProcedure("riskParams.propose")
    .input(
      z.object({
        params: riskParamsSchema,
        reason: z.string().trim().min(5, "Give a reason (at least 5 characters)").max(1000),
      }),
    )
    .mutation(({ ctx, input }) =>
      proposeParams(ctx.prisma, ctx.user, { params: input.params as RiskParams, reason: input.reason }),
    ),
  decideParams: permissionProcedure("riskParams.approve")
    .input(
      z.object({
        version: z.number().int().min(1),
        approve: z.boolean(),
        note: z.string().trim().max(500).optional(),
        totpCode: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "The authenticator code has 6 digits")
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => decideParams(ctx.prisma, ctx.user, input)),
});
