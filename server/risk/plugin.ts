// The risk engine: parameter version 1 exists in every mode, the columnar book is loaded at start,
// and the minute tick (R4) runs in the engine's minute-close hook (after market monitoring has
// updated volatility). ENGINE=off: reads only, no tick; the book is re-read every minute.
import type { DomainContext, DemoSeeder, StartedDomain } from "../domain-context";
import { RiskEngine } from "./engine/risk-engine";
import { ensureDefaultParams } from "./params/param-service";
import type { SymbolRiskOverrides, VolatilitySource } from "./ports";
import { domainLog, minuteId } from "../log";

export const seedRiskDemo =
  (reviewWindowSeconds: number | undefined): DemoSeeder =>
  async (prisma) => {
    await ensureDefaultParams(prisma, { reviewWindowSeconds });
  };

export async function startRisk(
  ctx: DomainContext,
  inputs: { volatility: VolatilitySource; overrides: SymbolRiskOverrides },
): Promise<StartedDomain<RiskEngine>> {
  await ensureDefaultParams(ctx.prisma, ctx.demo ? { reviewWindowSeconds: ctx.env.DEMO_REVIEW_WINDOW_S } : {});
  const risk = new RiskEngine({ prisma: ctx.prisma, sql: ctx.sql, bus: ctx.bus, ...inputs });
  await risk.load();
  let refreshTimer: NodeJS.Timeout | undefined;
  if (!ctx.engine) {
    // No tick here: keep the read-side figures fresh from what the ticking instance stores.
    refreshTimer = setInterval(
      () => void risk.refreshFromDatabase().catch((err: unknown) => domainLog("risk").error({ err }, "refresh failed")),
      60_000,
    );
    refreshTimer.unref();
  }
  ctx.engine?.onMinuteClose(async ({ minuteTs, bars }) => {
    try {
      const { event } = await risk.tick(minuteTs, bars);
      if (event.revalueMs > 500)
        domainLog("risk").warn({ minute: minuteId(minuteTs), revalueMs: event.revalueMs }, "slow tick");
    } catch (err) {
      // A failed tick must not stop the market engine; its transaction rolled back, so the next
      // minute decides again from the last persisted state.
      domainLog("risk").error({ err, minute: minuteId(minuteTs) }, "tick failed");
    }
  }, "risk-tick");
  return {
    services: risk,
    async stop() {
      if (refreshTimer) clearInterval(refreshTimer);
    },
  };
}
