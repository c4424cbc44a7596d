// Access to the risk engine's live book for read services: the running engine's (services.riskEngine)
// or, when none runs (ENGINE=off, tests), one loaded on demand from the database and revalued at the
// last stored prices with the active parameters (no decisions, no writes).
import type { SqlSession } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import type { Services } from "../services";
import { RiskEngine } from "./engine/risk-engine";

export interface RiskReadDeps {
  prisma: PrismaClient;
  sql: SqlSession;
  services: Services;
}

export async function getLiveEngine(deps: RiskReadDeps): Promise<RiskEngine> {
  if (deps.services.riskEngine) return deps.services.riskEngine;
  const engine = new RiskEngine({ prisma: deps.prisma, sql: deps.sql, services: deps.services });
  await engine.load();
  return engine;
}
