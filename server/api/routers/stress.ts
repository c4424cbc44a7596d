// Stress tests (T1-T2): the scenario library and users' own scenarios, runs (start, progress,
// cancel), and the comparison of runs. Thin: validate, authorize, call the stress service.
import { z } from "zod";
import { getParamImpact } from "../../stress/param-impact-service";
import { createScenario, listScenarios, scenarioInput, updateScenario } from "../../stress/scenario-library";
import {
  cancelStressRun,
  compareStressRuns,
  getStressRun,
  listStressRuns,
  startStressRun,
  STRESS_CAPS,
} from "../../stress/stress-runs";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const id = z.string().min(1).max(64);
const n = (v: number) => v.toLocaleString("en-US");

export const stressRouter = createTRPCRouter({
  scenarios: permissionProcedure("stress.view").query(({ ctx }) => listScenarios(ctx.prisma, ctx.user)),
  createScenario: permissionProcedure("stress.scenarios.edit")
    .input(scenarioInput)
    .mutation(({ ctx, input }) => createScenario(ctx.prisma, ctx.user, input)),
  updateScenario: permissionProcedure("stress.scenarios.edit")
    .input(scenarioInput.extend({ seriesId: id }))
    .mutation(({ ctx, input }) => updateScenario(ctx.prisma, ctx.user, input.seriesId, input)),
  startRun: permissionProcedure("stress.run")
    .input(
      z.object({
        scenarioId: id,
        paths: z
          .number()
          .int()
          .min(1)
          .max(STRESS_CAPS.paths, `at most ${n(STRESS_CAPS.paths)} Monte Carlo paths a run`)
          .optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
        steps: z
          .number()
          .int()
          .min(1)
          .max(STRESS_CAPS.mcSteps, `at most ${STRESS_CAPS.mcSteps} days a Monte Carlo path`)
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => startStressRun(ctx, ctx.user, input)),
  cancelRun: permissionProcedure("stress.run")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => cancelStressRun(ctx, ctx.user, input.id)),
  run: permissionProcedure("stress.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getStressRun(ctx, input.id)),
  runs: permissionProcedure("stress.view")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listStressRuns(ctx, input.limit)),
  /** R2: a proposed parameter version's impact on the live book, shown to the approver before the TOTP field. */
  paramImpact: permissionProcedure("riskParams.view")
    .input(z.object({ version: z.number().int().min(1).max(1_000_000) }))
    .query(({ ctx, input }) => getParamImpact(ctx, input.version)),
  compare: permissionProcedure("stress.view")
    .input(z.object({ ids: z.array(id).min(2).max(4) }))
    .query(({ ctx, input }) => compareStressRuns(ctx, input.ids)),
});
