// C2: the LCR's outflow and inflow assumptions and the two alert lines as a governed setting (RISK or
// MANAGER proposes, another MANAGER approves with a step-up). The version in force is what the
// dashboard shows beside every LCR figure.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { currentSetting, type GovernedKind } from "../governance/governed-setting";
import type { Tx } from "../ledger/ledger-service";
import { DEFAULT_LIQUIDITY_PARAMS, type LiquidityParams } from "./liquidity";

const share = z.number().finite().min(0, "at least 0").max(1, "at most 1 (100%)");

export const liquidityAssumptionsSchema = z.strictObject({
  haircut: z.strictObject({ LEVEL1: share, LEVEL2A: share, LEVEL2B: share }),
  runOff: z.strictObject({ OWN_CAPITAL: share, BANK_CREDIT: share, INSTITUTIONAL: share, RETAIL_POOL: share }),
  undrawnDrawdown: share,
  inflowRate: share,
  inflowCap: share,
  minLcr: z.number().finite().min(0).max(10, "an LCR line above 1,000% is not a line"),
  minReserveRatio: share,
});
export type LiquidityAssumptions = z.infer<typeof liquidityAssumptionsSchema>;

export const LIQUIDITY_SETTING: GovernedKind<LiquidityAssumptions> = {
  key: "capital.liquidity",
  schema: liquidityAssumptionsSchema,
};

const { version: _builtIn, ...DEFAULT_ASSUMPTIONS } = DEFAULT_LIQUIDITY_PARAMS;

/** The assumptions in force; version 0 is the built-in default (BCBS 238 haircuts, the platform's run-offs). */
export async function liquidityParamsInForce(prisma: PrismaClient | Tx): Promise<LiquidityParams> {
  const s = await currentSetting(prisma, LIQUIDITY_SETTING, DEFAULT_ASSUMPTIONS);
  return { ...s.value, version: s.version };
}
