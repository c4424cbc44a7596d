// v1 operations of the market calculators (DESIGN 10, M4/M5): any role, no database writes, run in
// the compute pool.
import { z } from "zod";
import { bocpdBody, cusumBody, volatilityBody } from "../../../market/detectors/detector-api";
import { defineOperation } from "../contract/operation";

export const cusumOperation = defineOperation({
  method: "post",
  path: "/detectors/cusum",
  operationId: "detectCusum",
  tags: ["market"],
  summary: "Two-sided Page CUSUM (M5)",
  description:
    "z_t = (x_t - mean)/sd; S+_t = max(0, S+_{t-1} + z_t - k), S-_t = max(0, S-_{t-1} - z_t - k), both from 0; an alarm at t (0-based) when either exceeds h, after which both reset to 0.",
  auth: { permission: "any" },
  body: cusumBody,
  compute: true,
  responses: {
    200: {
      description: "Alarm indexes and directions",
      schema: z.object({
        alarms: z.array(z.number().int().min(0)),
        direction: z.array(z.enum(["up", "down"])),
      }),
    },
  },
});

export const bocpdOperation = defineOperation({
  method: "post",
  path: "/detectors/bocpd",
  operationId: "detectBocpd",
  tags: ["market"],
  summary: "Bayesian online change-point detection (Adams and MacKay 2007, Normal-Gamma prior, constant hazard)",
  description:
    "Work cap: series length x maxRunLength <= 10,000,000 (a 400 names the cap). Runs in the compute pool with a 10 s time limit.",
  auth: { permission: "any" },
  body: bocpdBody,
  compute: true,
  responses: {
    200: {
      description: "Per point: the most probable run length and the expected run length after x_t",
      schema: z.object({
        runLengthMap: z.array(z.number().int().min(0)),
        expectedRunLength: z.array(z.number()),
        truncated: z.boolean(),
      }),
    },
  },
});

export const volatilityOperation = defineOperation({
  method: "post",
  path: "/indicators/volatility",
  operationId: "computeVolatility",
  tags: ["market"],
  summary: "EWMA volatility of log returns (M4)",
  description:
    "r_t = ln(c_t / c_{t-1}); v seeded with the first squared return, v_t = lambda v_{t-1} + (1 - lambda) r_t^2; returns sqrt(v_t), one per return. " +
    "Closes so far apart that c_t / c_{t-1} overflows a double (beyond about 1.8e308, e.g. 1e-320 then 1e6) are a 400.",
  auth: { permission: "any" },
  body: volatilityBody,
  compute: true,
  responses: {
    200: { description: "EWMA sigma per return", schema: z.object({ ewma: z.array(z.number().min(0)) }) },
  },
});

export const marketOperations = [cusumOperation, bocpdOperation, volatilityOperation];
