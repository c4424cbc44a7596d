// Capital (C1-C4): the managers' dashboard, liquidity and concentration views; the governed changes of
// the capital domain (the LCR assumptions, credit-limit rebalancing plans): RISK or a MANAGER proposes,
// another MANAGER approves or rejects with a session step-up.
import { z } from "zod";
import { capitalDashboard, concentrationView, liquidityView } from "../../capital/capital-service";
import { LIQUIDITY_SETTING, liquidityAssumptionsSchema } from "../../capital/liquidity-settings";
import { buildRebalancePlan, REBALANCE_PLAN, rebalanceOptionsSchema } from "../../capital/rebalance-service";
import { decideSetting, listSettingVersions, proposeSetting } from "../../governance/governed-setting";
import { createTRPCRouter, interactiveProcedure, permissionProcedure, stepUpProcedure } from "../trpc";

const reason = z.string().trim().min(5, "Give a reason (at least 5 characters)").max(1000);
const KINDS = { "capital.liquidity": LIQUIDITY_SETTING, "capital.rebalance": REBALANCE_PLAN } as const;
/** A plan's list of changes is long: the change list shows its first rows and its totals. */
const PLAN_ROWS_SHOWN = 200;

async function governance(prisma: Parameters<typeof listSettingVersions>[0]) {
  const [liquidity, plans] = await Promise.all([
    listSettingVersions(prisma, LIQUIDITY_SETTING, 20),
    listSettingVersions(prisma, REBALANCE_PLAN, 20),
  ]);
  return {
    liquidity,
    rebalance: plans.map((p) => ({
      ...p,
      value: {
        ...p.value,
        changes: p.value.changes.slice(0, PLAN_ROWS_SHOWN),
        changeCount: p.value.changes.length,
        movedFen: p.value.changes.reduce((s, c) => s + Math.max(0, c.fromFen - c.toFen), 0),
      },
    })),
  };
}

export const capitalRouter = createTRPCRouter({
  dashboard: permissionProcedure("capital.view").query(({ ctx }) => capitalDashboard(ctx.prisma)),
  liquidity: permissionProcedure("capital.view").query(({ ctx }) => liquidityView(ctx.prisma)),
  concentration: permissionProcedure("capital.view")
    .input(z.object({ topN: z.number().int().min(1).max(50).default(10) }).default({ topN: 10 }))
    .query(({ ctx, input }) => concentrationView(ctx.prisma, input.topN)),
  governance: permissionProcedure("capital.view").query(({ ctx }) => governance(ctx.prisma)),
  previewRebalance: permissionProcedure("capital.view")
    .input(rebalanceOptionsSchema)
    .query(async ({ ctx, input }) => {
      const plan = await buildRebalancePlan(ctx.prisma, input);
      return { ...plan, changeCount: plan.changes.length, changes: plan.changes.slice(0, PLAN_ROWS_SHOWN) };
    }),
  proposeRebalance: interactiveProcedure("capital.propose")
    .input(rebalanceOptionsSchema.extend({ reason }))
    .mutation(async ({ ctx, input }) => {
      const { reason: why, ...options } = input;
      // The plan is computed here from the live book, never taken from the client.
      const plan = await buildRebalancePlan(ctx.prisma, options);
      if (plan.changes.length === 0) return { version: null, changeCount: 0 }; // nothing to move: no proposal is made
      const { mode, shiftShare, groupShare, changes } = plan;
      const r = await proposeSetting(ctx.prisma, ctx.user, REBALANCE_PLAN, {
        value: { mode, shiftShare, groupShare, changes },
        reason: why,
      });
      return { version: r.version, changeCount: changes.length };
    }),
  proposeLiquidity: interactiveProcedure("capital.propose")
    .input(z.strictObject({ assumptions: liquidityAssumptionsSchema, reason }))
    .mutation(({ ctx, input }) =>
      proposeSetting(ctx.prisma, ctx.user, LIQUIDITY_SETTING, { value: input.assumptions, reason: input.reason }),
    ),
  decide: stepUpProcedure("capital.approve")
    .input(
      z.strictObject({
        key: z.enum(["capital.liquidity", "capital.rebalance"]),
        version: z.number().int().min(1),
        approve: z.boolean(),
        note: z.string().trim().max(500).optional(),
        totpCode: z
          .string()
          .regex(/^\d{6}$/, "6 digits")
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      decideSetting(ctx.prisma, ctx.user, KINDS[input.key] as typeof LIQUIDITY_SETTING, input),
    ),
});
