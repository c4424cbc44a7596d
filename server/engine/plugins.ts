// Domain plugins: how the market monitoring, risk and payments domains join the runtime without
// the runtime knowing their insides. Each plugin may seed its demo data (demo mode, first start,
// after the core book) and start its minute-close work on the engine.
import type { PrismaClient } from "../db/generated/client";
import type { SqlDriver } from "../db/connection";
import type { Env } from "../env";
import type { Services } from "../services";
import type { Clock } from "./clock";
import type { EventBus } from "./event-bus";
import type { MarketEngine } from "./market-engine";
import { marketMonitoringPlugin } from "../market/monitoring/plugin";
import { riskPlugin } from "../risk/plugin";
import { paymentsPlugin } from "../payments/plugin";
import { liquidationPlugin } from "../liquidation/plugin";
import { fundingPlugin } from "../funding/plugin";
import { oncallPlugin } from "../oncall/plugin";
import { surveillancePlugin } from "../surveillance/plugin";
import { reportsPlugin } from "../reports/plugin";

export interface PluginContext {
  env: Env;
  demo: boolean;
  prisma: PrismaClient;
  sql: SqlDriver;
  bus: EventBus;
  clock: Clock;
  /** null when ENGINE=off; plugins then serve reads only. */
  engine: MarketEngine | null;
  /** Shared in-memory services: a plugin sets its own field(s) here. */
  services: Services;
}

export interface DomainPlugin {
  name: string;
  /** Demo mode, first start only, after the core demo book is in place. */
  seedDemo?(prisma: PrismaClient, opts: { seed: number; now: number }): Promise<void>;
  /** Called once the engine exists, before it starts ticking: register minute-close hooks here. */
  start?(ctx: PluginContext): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * Order matters: market monitoring (volatility) runs before risk, risk before liquidation and payments;
 * funding seeds before liquidation (its tranche products fund the waterfall's tranche layers);
 * surveillance after payments; on-call after them, so its minute-close hook sees what the others published;
 * reports last: the drill recorder's hook reads the close after every domain has acted on it.
 */
export const PLUGINS: readonly DomainPlugin[] = [
  marketMonitoringPlugin,
  riskPlugin,
  fundingPlugin,
  liquidationPlugin,
  paymentsPlugin,
  surveillancePlugin,
  oncallPlugin,
  reportsPlugin,
];
