// DESIGN 10 POST /api/v1/risk/evaluate and GET /api/v1/accounts/{id}/risk: the R1-R3 model on
// supplied inputs (no writes, in the compute pool) and one account's live figures. Bad input is an
// AppError 400.
import type { PrismaClient } from "../db/generated/client";
import { getAccountRisk } from "../accounts/accounts-service";
import { runCompute, type ComputeOptions } from "../workers/compute-pool";
import type { RiskReadDeps } from "./live-book";
import type { AccountInput } from "./margin/margin-model";
import type { RiskParams } from "./margin/risk-params";
import { getActiveParams } from "./params/param-service";

/** Caller's params (validated in the worker) or the live version; the model runs in the compute pool. */
export async function evaluateRisk(
  prisma: PrismaClient,
  body: AccountInput & { params?: RiskParams },
  opts: ComputeOptions = {},
) {
  let version: number | null = null;
  let params = body.params;
  if (!params) ({ version, params } = await getActiveParams(prisma));
  const account: AccountInput = { cash: body.cash, debt: body.debt, positions: body.positions };
  const result = await runCompute("risk.evaluate", { account, params, checkParams: body.params !== undefined }, opts);
  return { ...result, parameterVersion: version }; // version null when the caller supplied params
}

export async function getAccountRiskForApi(deps: RiskReadDeps, accountId: string) {
  const r = await getAccountRisk(deps, accountId);
  return {
    accountId: r.account.id,
    accountCode: r.account.code,
    cash: r.cash,
    debt: r.debt,
    marketValue: r.result.marketValue,
    assets: r.result.assets,
    equity: r.result.equity,
    maintenanceMargin: r.result.maintenanceMargin,
    initialMargin: r.result.initialMargin,
    marginLevel: r.result.marginLevel,
    coverageRatio: r.result.coverageRatio,
    status: r.result.status,
    parameterVersion: r.paramVersion,
    asOfBar: new Date(r.minuteTs).toISOString(),
    asOf: new Date(r.asOf).toISOString(),
    positions: r.result.positions.map((p) => ({
      symbol: p.symbol,
      marketValue: p.marketValue,
      m: p.m,
      mm: p.mm,
      im: p.im,
      volMultiplier: p.volMultiplier,
      sizeMultiplier: p.sizeMultiplier,
    })),
  };
}
