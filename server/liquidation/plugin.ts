// The liquidation desk (R5-R8), started after the risk engine: its minute-close hook runs after the
// risk tick and reads the tick's live figures; a short timer on the engine clock executes tickets
// whose review window ended; at start it resumes executions a restart interrupted. Demo mode seeds
// the loss waterfall's layers (R8). ENGINE=off: reads only, no desk (null).
import type { DomainContext, DemoSeeder, StartedDomain } from "../domain-context";
import type { RiskEngine } from "../risk/engine/risk-engine";
import { SimulatorBrokerAdapter } from "./execution/broker-adapter";
import { settingExecutionWindow } from "./execution/session-window";
import { LiquidationDesk } from "./liquidation-desk";
import { markInputsFromFeeds } from "./mark-inputs";
import { planLiquidation } from "./planner/plan-liquidation";
import { absorbLossTx, seedWaterfallLayers } from "./waterfall-ledger";
import { domainLog } from "../log";

/** Real milliseconds between deadline checks: a 45 s window at 30x speed is 1.5 s real. */
const DEADLINE_CHECK_MS = 250;

export const seedLiquidationDemo: DemoSeeder = async (prisma) => {
  await seedWaterfallLayers(prisma);
};

export async function startLiquidation(
  ctx: DomainContext,
  deps: { risk: RiskEngine },
): Promise<StartedDomain<LiquidationDesk | null>> {
  const engine = ctx.engine;
  if (!engine) return { services: null, stop: async () => undefined };
  const log = domainLog("liquidation");
  const desk = new LiquidationDesk({
    prisma: ctx.prisma,
    risk: deps.risk,
    broker: new SimulatorBrokerAdapter(engine.simulator()),
    plan: planLiquidation,
    now: () => engine.now(),
    bus: ctx.bus,
    // One bad print never triggers a liquidation: closes are confirmed against the second feed.
    executionWindow: settingExecutionWindow(ctx.prisma),
    marks: (minuteTs, bars) => markInputsFromFeeds(engine.feeds(), minuteTs, bars, engine.now()),
    absorbLossTx,
    log: (msg, err) => log.error({ err }, msg),
  });
  await desk.resume();
  engine.onMinuteClose(async ({ minuteTs, bars }) => {
    try {
      const r = await desk.onMinuteClose(minuteTs, bars);
      if (r.created + r.replanned + r.cancelled > 0) {
        log.info({ minuteTs, opened: r.created, replanned: r.replanned, cancelled: r.cancelled }, "tickets decided");
      }
      // One line a minute, not one per symbol: a crash can freeze hundreds of symbols at once.
      if (r.frozen.length > 0)
        log.warn(
          {
            minuteTs,
            symbols: r.frozen.length,
            accounts: r.frozen.reduce((a, f) => a + f.accounts, 0),
            first: r.frozen.slice(0, 3).map((f) => f.message),
          },
          "marks not confirmed: accounts holding these symbols wait",
        );
    } catch (err) {
      // A failed pass must not stop the market engine; the next close decides again from the database.
      log.error({ err, minuteTs }, "minute close failed");
    }
  }, "liquidation");
  desk.startTimer(DEADLINE_CHECK_MS);
  return {
    services: desk,
    async stop() {
      desk.stopTimer();
      await desk.idle();
    },
  };
}
