// The market monitoring (issue 3): feeds, indicators, detectors, alerts: joins the runtime here.
// Its minute-close hook runs first (plugin order), so the risk tick reads this minute's sigma and
// symbol overrides.
import type { DomainPlugin } from "../../engine/plugins";
import { MarketMonitoring } from "./market-monitoring";
import { seedMarketDemo } from "./seed-demo";

let current: MarketMonitoring | null = null;

/** The running instance (for scripts and diagnostics); null before start and after stop. */
export function currentMonitoring(): MarketMonitoring | null {
  return current;
}

export const marketMonitoringPlugin: DomainPlugin = {
  name: "market-monitoring",
  seedDemo: (prisma, opts) => seedMarketDemo(prisma, opts),
  async start(ctx) {
    const monitoring = new MarketMonitoring({ prisma: ctx.prisma, sql: ctx.sql, bus: ctx.bus, engine: ctx.engine });
    await monitoring.init();
    ctx.services.monitoring = monitoring;
    ctx.services.volatility = monitoring.book;
    ctx.services.symbolOverrides = monitoring.overrides;
    ctx.engine?.onMinuteClose(async (m) => {
      await monitoring.onMinuteClose(m);
    }, "market-monitoring");
    current = monitoring;
  },
  async stop() {
    current = null;
  },
};
