// v1 operations of the stress tests (DESIGN 10, T1-T2): the scenario library, starting a run (202,
// it executes in the stress worker pool) and a run's status, progress and KPIs. Caps on the work a
// request may ask for are in the schema (a 400 that names the cap) and, for the book, in the service.
import { z } from "zod";
import { STRESS_CAPS } from "../../../stress/stress-runs";
import { defineOperation } from "../contract/operation";
import { isoInstant } from "./shared";

const n = (v: number) => v.toLocaleString("en-US");

const scenarioOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["HISTORICAL", "SYNTHETIC", "MONTE_CARLO"]),
  description: z.string(),
  source: z.string().meta({ description: "Where the numbers come from (file and rows, or published figures)" }),
  indexReturns: z.array(z.number()).meta({
    description: "Per step, simple returns of the reference index (historical and synthetic; empty for Monte Carlo)",
  }),
  steps: z.array(z.string()).meta({ description: "Per step, its label (a date, a minute or a description)" }),
  minutes: z.number().int().meta({ description: "Trading minutes the scenario spans" }),
});

export const listScenariosOperation = defineOperation({
  method: "get",
  path: "/stress/scenarios",
  operationId: "listStressScenarios",
  tags: ["stress"],
  summary:
    "The stress scenario library (T1): historical, synthetic, Monte Carlo and users' own; RISK, COMPLIANCE, MANAGER, AUDITOR",
  auth: { permission: "stress.view" },
  responses: { 200: { description: "Scenarios, library first", schema: z.array(scenarioOut) } },
});

export const startRunBody = z.object({
  scenarioId: z.string().min(1, "scenarioId is empty").max(64, "scenarioId is at most 64 characters"),
  paths: z
    .number()
    .int()
    .min(1)
    .max(STRESS_CAPS.paths, `at most ${n(STRESS_CAPS.paths)} Monte Carlo paths a run`)
    .optional()
    .meta({
      description: `Monte Carlo only (default 100, cap ${n(STRESS_CAPS.paths)}); a historical or synthetic scenario is 1 path`,
    }),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .meta({ description: "Monte Carlo seed; the same seed, book and parameters give the same run" }),
});

export const startRunOperation = defineOperation({
  method: "post",
  path: "/stress/runs",
  operationId: "startStressRun",
  tags: ["stress"],
  summary: "Start a stress run on a snapshot of the live book (T2); RISK, MANAGER",
  description:
    `The run executes in the background (202); poll GET /stress/runs/{id}. Caps, each a 400 that names it: ${n(STRESS_CAPS.paths)} paths, ` +
    `${n(STRESS_CAPS.minutes)} minutes of scenario, ${n(STRESS_CAPS.accounts)} accounts in the book, ${n(STRESS_CAPS.accountPaths)} paths x accounts; ` +
    "paths other than 1 on a historical or synthetic scenario is a 400.",
  auth: { permission: "stress.run", writes: true },
  body: startRunBody,
  responses: { 202: { description: "Queued", schema: z.object({ id: z.string() }) } },
  errors: {
    404: "No scenario with this id",
    412: "The risk engine has not closed a bar yet",
    429: "Too many runs are queued; retry after Retry-After seconds",
  },
});

export const runOut = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioName: z.string(),
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"]),
  progress: z.number().min(0).max(1),
  etaSeconds: z.number().nullable().meta({ description: "Estimated seconds left while running; null otherwise" }),
  paths: z.number().int(),
  seed: z.number().int().nullable(),
  paramVersion: z.number().int().nullable(),
  accounts: z.number().int().nullable(),
  createdAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  error: z.string().nullable(),
  kpis: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({
      description:
        "When DONE: breaching {warning, liquidation, hardFloor}, liquidationNotional (CNY), slippageMeanBps, slippageP95Bps, " +
        "minutesToLiquidateP50/Max, recoveryRate, shortfall (CNY), waterfall [{layer, balanceBefore, absorbed}], guaranteeFundSufficient",
    }),
});

export const getRunOperation = defineOperation({
  method: "get",
  path: "/stress/runs/{id}",
  operationId: "getStressRun",
  tags: ["stress"],
  summary: "A stress run's status, progress and KPIs; RISK, COMPLIANCE, MANAGER, AUDITOR",
  auth: { permission: "stress.view" },
  params: z.object({
    id: z
      .string()
      .min(1, "the run id is empty")
      .max(64, "the run id is at most 64 characters")
      .meta({ description: "The run id" }),
  }),
  responses: { 200: { description: "The run", schema: runOut } },
  errors: { 404: "No run with this id" },
});

export const stressOperations = [listScenariosOperation, startRunOperation, getRunOperation];
