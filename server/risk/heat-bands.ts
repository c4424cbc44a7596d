// Margin-level bands of the heatmap (R9), worst first, cut at the live parameters' lines; shared by
// the server's aggregation and the page's legend (pure: no server imports).
import { z } from "zod";

/** NONE = no margin required; AMPLE = at least twice the restore target. */
export const HEAT_BANDS = ["HARD_FLOOR", "LIQUIDATION", "WARNING", "BELOW_TARGET", "TARGET", "AMPLE", "NONE"] as const;
export type HeatBand = (typeof HEAT_BANDS)[number];
export const heatBandSchema = z.enum(HEAT_BANDS);

export interface HeatLines {
  hardFloor: number;
  liquidation: number;
  warning: number;
  target: number;
}

/** The band's position in HEAT_BANDS for a margin level (NaN: no margin required). */
export function bandOf(ml: number, lines: HeatLines): number {
  if (Number.isNaN(ml)) return 6;
  if (ml < lines.hardFloor) return 0;
  if (ml < lines.liquidation) return 1;
  if (ml < lines.warning) return 2;
  if (ml < lines.target) return 3;
  if (ml < lines.target * 2) return 4;
  return 5;
}
