// Response pieces more than one v1 operation shares.
import { z } from "zod";

export const riskStatus = z.enum(["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"]);
/** An instant as JSON carries it (Date.toISOString()). */
export const isoInstant = z.string().meta({ format: "date-time" });

export const riskPositionOut = z.object({
  symbol: z.string(),
  marketValue: z.number(),
  m: z.number().meta({ description: "The maintenance rate m_i" }),
  mm: z.number().meta({ description: "Maintenance margin amount (CNY)" }),
  im: z.number().meta({ description: "Initial margin amount (CNY)" }),
  volMultiplier: z.number(),
  sizeMultiplier: z.number(),
  maxLeverage: z.number().optional(),
});

export const riskFigures = {
  marketValue: z.number(),
  assets: z.number(),
  equity: z.number(),
  maintenanceMargin: z.number(),
  initialMargin: z.number(),
  marginLevel: z.number().nullable().meta({ description: "null when no margin is required" }),
  coverageRatio: z.number().nullable().meta({ description: "null when debt is 0" }),
  status: riskStatus,
};
