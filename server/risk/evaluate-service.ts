// DESIGN 10 POST /api/v1/risk/evaluate and GET /api/v1/accounts/{id}/risk: the R1-R3 model on
// supplied inputs (no writes) and one account's live figures. Bad input is an AppError 400.
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { getAccountRisk } from "../accounts/accounts-service";
import type { RiskReadDeps } from "./live-book";
import { evaluateAccount, type AccountInput } from "./margin/margin-model";
import { RiskInputError, assertValidParams, type RiskParams } from "./margin/risk-params";
import { getActiveParams } from "./params/param-service";

export async function evaluateRisk(prisma: PrismaClient, body: AccountInput & { params?: RiskParams }) {
  try {
    let version: number | null = null;
    let params = body.params;
    if (params) assertValidParams(params);
    else ({ version, params } = await getActiveParams(prisma));
    const r = evaluateAccount(body, params);
    return {
      marketValue: r.marketValue,
      assets: r.assets,
      equity: r.equity,
      maintenanceMargin: r.maintenanceMargin,
      initialMargin: r.initialMargin,
      marginLevel: r.marginLevel,
      coverageRatio: r.coverageRatio,
      status: r.status,
      fundingAddOnBps: r.fundingAddOnBps,
      parameterVersion: version, // null when the caller supplied params
      positions: r.positions.map((p) => ({
        symbol: p.symbol, marketValue: p.marketValue, m: p.m, mm: p.mm, im: p.im, volMultiplier: p.volMultiplier,
        sizeMultiplier: p.sizeMultiplier, shareOfAdv: Number.isFinite(p.shareOfAdv) ? p.shareOfAdv : null, maxLeverage: p.maxLeverage,
      })),
    };
  } catch (err) {
    if (err instanceof RiskInputError) throw new AppError("BAD_REQUEST", err.message);
    throw err;
  }
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
    positions: r.result.positions.map((p) => ({ symbol: p.symbol, marketValue: p.marketValue, m: p.m, mm: p.mm, im: p.im, volMultiplier: p.volMultiplier, sizeMultiplier: p.sizeMultiplier })),
  };
}
