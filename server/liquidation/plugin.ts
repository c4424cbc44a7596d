// The liquidation desk (issue 10, R5-R8) joins the runtime here, after the risk plugin: its minute-close
// hook runs after the risk tick and reads the tick's live figures; a short timer on the engine clock
// executes tickets whose review window ended; at start it resumes executions a restart interrupted.
// Demo mode seeds the loss waterfall's layers (R8). ENGINE=off: reads only, no desk.
import type { DomainPlugin } from "../engine/plugins";
import { SimulatorBrokerAdapter } from "./execution/broker-adapter";
import { settingExecutionWindow } from "./execution/session-window";
import { LiquidationDesk } from "./liquidation-desk";
import { markInputsFromFeeds } from "./mark-inputs";
import { planLiquidation } from "./planner/plan-liquidation";
import { absorbLossTx, seedWaterfallLayers } from "./waterfall-ledger";

/** Real milliseconds between deadline checks: a 45 s window at 30x speed is 1.5 s real. */
const DEADLINE_CHECK_MS = 250;

let desk: LiquidationDesk | undefined;

export const liquidationPlugin: DomainPlugin = {
  name: "liquidation",
  async seedDemo(prisma) {
    await seedWaterfallLayers(prisma);
  },
  async start(ctx) {
    const risk = ctx.services.riskEngine;
    if (!ctx.engine) return;
    if (!risk) throw new Error("liquidation plugin: the risk engine must start first (PLUGINS order)");
    const engine = ctx.engine;
    desk = new LiquidationDesk({
      prisma: ctx.prisma,
      risk,
      broker: new SimulatorBrokerAdapter(engine.simulator()),
      plan: planLiquidation,
      now: () => engine.now(),
      bus: ctx.bus,
      // One bad print never triggers a liquidation: closes are confirmed against the second feed.
      executionWindow: settingExecutionWindow(ctx.prisma),
      marks: (minuteTs, bars) => markInputsFromFeeds(engine.feeds(), minuteTs, bars, engine.now()),
      absorbLossTx,
      log: (msg, err) => console.error(msg, err),
    });
    ctx.services.liquidation = desk;
    await desk.resume();
    engine.onMinuteClose(async ({ minuteTs, bars }) => {
      try {
        const r = await desk?.onMinuteClose(minuteTs, bars);
        if (r && r.created + r.replanned + r.cancelled > 0) {
          console.log(`[liquidation] ${r.created} opened, ${r.replanned} re-planned, ${r.cancelled} cancelled`);
        }
        for (const f of r?.frozen ?? [])
          console.warn(`[liquidation] mark not confirmed, ${f.accounts} account(s) wait: ${f.message}`);
      } catch (err) {
        // A failed pass must not stop the market engine; the next close decides again from the database.
        console.error("[liquidation] minute close failed", err);
      }
    });
    desk.startTimer(DEADLINE_CHECK_MS);
  },
  async stop() {
    desk?.stopTimer();
    await desk?.idle();
    desk = undefined;
  },
};
