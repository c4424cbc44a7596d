// Output shapes of the risk read procedures: the desk panel, the heatmap page, the margin-call list
// and the parameter history depend on them, so they are declared (and checked) as a contract.
import { z } from "zod";
import { heatBandSchema } from "../../risk/heat-bands";
import type { RiskParams } from "../../risk/margin/risk-params";

const riskStatus = z.enum(["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"]);

export const riskTickOut = z
  .object({
    minuteTs: z.number(),
    paramVersion: z.number().int(),
    counts: z.record(riskStatus, z.number().int()),
    changes: z.number().int(),
    revalueMs: z.number(),
    persistMs: z.number(),
  })
  .nullable();

export const heatmapOut = z
  .object({
    minuteTs: z.number(),
    paramVersion: z.number().int(),
    lines: z.object({ warning: z.number(), liquidation: z.number(), hardFloor: z.number(), target: z.number() }),
    sectors: z.array(
      z.object({
        sector: z.string(),
        accounts: z.number().int(),
        cells: z.array(z.object({ band: heatBandSchema, count: z.number().int(), marketValue: z.number() })),
      }),
    ),
    symbols: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        sector: z.string(),
        heldValue: z.number(),
        holders: z.number().int(),
        stressShare: z.number(),
        holderMarginLevel: z.number().nullable(),
      }),
    ),
    symbolsTotal: z.number().int(),
  })
  .nullable();

export const heatmapCellOut = z.object({
  total: z.number().int(),
  accounts: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      marginLevel: z.number().nullable(),
      status: z.string(),
      marketValue: z.number(),
    }),
  ),
});

export const marginCallsOut = z.array(
  z.object({
    id: z.string(),
    accountId: z.string(),
    accountCode: z.string(),
    clientName: z.string(),
    status: z.string(),
    openedMinute: z.date(),
    deadline: z.date(),
    notice: z.string(),
    openStatus: z.string(),
    worstStatus: z.string(),
    openMarginLevel: z.number().nullable(),
    lastMarginLevel: z.number().nullable(),
    requiredDeposit: z.number(),
    paramVersion: z.number().int(),
    escalatedAt: z.date().nullable(),
    escalationNote: z.string().nullable(),
    closedMinute: z.date().nullable(),
    closeReason: z.string().nullable(),
  }),
);

export const paramVersionsOut = z.array(
  z.object({
    version: z.number().int(),
    status: z.string(),
    reason: z.string(),
    baseVersion: z.number().int().nullable(),
    proposedByEmail: z.string().nullable(),
    proposedById: z.string().nullable(),
    proposedAt: z.date(),
    decidedByEmail: z.string().nullable(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    effectiveMinute: z.date().nullable(),
    // Stored sets were validated when proposed; the output keeps every field (no re-check here).
    params: z.custom<RiskParams>((v) => typeof v === "object" && v !== null),
    diff: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
);
