// The risk engine (issue 4) joins the runtime here: parameter version 1 exists in every mode, the
// columnar book is loaded at start, and the minute tick (R4) runs in the engine's minute-close
// hook (after market monitoring has updated volatility). ENGINE=off: reads only, no tick.
import type { DomainPlugin } from "../engine/plugins";
import { RiskEngine } from "./engine/risk-engine";
import { ensureDefaultParams } from "./params/param-service";
import { getEnv } from "../env";
import { domainLog, minuteId } from "../log";

let refreshTimer: NodeJS.Timeout | undefined;

export const riskPlugin: DomainPlugin = {
  name: "risk",
  async seedDemo(prisma) {
    await ensureDefaultParams(prisma, { reviewWindowSeconds: getEnv().DEMO_REVIEW_WINDOW_S });
  },
  async start(ctx) {
    await ensureDefaultParams(ctx.prisma, ctx.demo ? { reviewWindowSeconds: ctx.env.DEMO_REVIEW_WINDOW_S } : {});
    const risk = new RiskEngine({ prisma: ctx.prisma, sql: ctx.sql, services: ctx.services, bus: ctx.bus });
    await risk.load();
    ctx.services.riskEngine = risk;
    ctx.services.accountRisk = { snapshot: (id) => risk.snapshot(id) };
    if (!ctx.engine) {
      // No tick here: keep the read-side figures fresh from what the ticking instance stores.
      refreshTimer = setInterval(
        () =>
          void risk.refreshFromDatabase().catch((err: unknown) => domainLog("risk").error({ err }, "refresh failed")),
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
  },
  async stop() {
    if (refreshTimer) clearInterval(refreshTimer);
  },
};
