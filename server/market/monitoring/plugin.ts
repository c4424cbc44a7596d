// The market monitoring: feeds, indicators, detectors, alerts: started by the composition root
// first, so its minute-close hook updates this minute's sigma and symbol overrides before the
// risk tick reads them.
import type { DomainContext, StartedDomain } from "../../domain-context";
import { MarketMonitoring } from "./market-monitoring";
import { seedMarketDemo } from "./seed-demo";

export const seedMarketMonitoringDemo = seedMarketDemo;

export async function startMarketMonitoring(ctx: DomainContext): Promise<StartedDomain<MarketMonitoring>> {
  const monitoring = new MarketMonitoring({ prisma: ctx.prisma, sql: ctx.sql, bus: ctx.bus, engine: ctx.engine });
  await monitoring.init();
  ctx.engine?.onMinuteClose(async (m) => {
    await monitoring.onMinuteClose(m);
  }, "market-monitoring");
  return { services: monitoring, stop: async () => undefined };
}
