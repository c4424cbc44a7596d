// Access to the risk engine's live book for read services. The composition root hands it in as
// `liveRisk`: the ticking engine on the engine's instance, the one refreshed from the database
// every minute with ENGINE=off. `loadRiskBook` is the on-demand variant (tests, scripts): the
// book loaded from the database and revalued at the last stored prices, no decisions, no writes.
import type { SqlSession } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import { RiskEngine } from "./engine/risk-engine";
import type { SymbolRiskOverrides, VolatilitySource } from "./ports";

export type LiveRisk = () => Promise<RiskEngine>;

export interface RiskReadDeps {
  prisma: PrismaClient;
  sql: SqlSession;
  services: { liveRisk: LiveRisk };
}

export function getLiveEngine(deps: RiskReadDeps): Promise<RiskEngine> {
  return deps.services.liveRisk();
}

/** No market monitoring sigma for any symbol: the engine's own EWMA serves every symbol. */
export const OWN_VOLATILITY: VolatilitySource = { sigma: () => undefined };
/** No alert-rule action on any symbol. */
export const NO_SYMBOL_OVERRIDES: SymbolRiskOverrides = { marginMultiplier: () => 1, buyRestricted: () => false };

export async function loadRiskBook(
  prisma: PrismaClient,
  sql: SqlSession,
  inputs: { volatility: VolatilitySource; overrides: SymbolRiskOverrides },
): Promise<RiskEngine> {
  const engine = new RiskEngine({ prisma, sql, ...inputs });
  await engine.load();
  return engine;
}
