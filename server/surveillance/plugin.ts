// Surveillance and compliance (S1-S5): demo linking attributes and fund movements, and the minute
// loop (order flow, rules, cases) after every minute close. On the first demo start the loop is
// warmed up over the past WARM_UP_MINUTES so the desk opens with the planted cases already found.
import type { DomainContext, StartedDomain } from "../domain-context";
import { domainLog } from "../log";
import { publishDeskEvent } from "../notify/desk-event";
import { markSlaBreaches } from "./case-sla";
import { seedSurveillanceDemo } from "./demo-seed";
import type { FlowSymbol } from "./order-flow/flow-generator";
import { SurveillanceMonitor } from "./surveillance-monitor";

export { seedSurveillanceDemo };

const WARM_UP_MINUTES = 150;
const RETENTION_EVERY_MINUTES = 60;

export async function startSurveillance(ctx: DomainContext): Promise<StartedDomain<SurveillanceMonitor>> {
  const monitor = new SurveillanceMonitor(ctx.prisma, { seed: ctx.env.DEMO_SEED, generate: ctx.demo });
  await monitor.init();
  const log = domainLog("surveillance");
  const symbols = async (): Promise<FlowSymbol[]> =>
    (
      await ctx.prisma.symbol.findMany({
        where: { suspended: false },
        select: { code: true, prevClose: true },
        orderBy: { code: "asc" },
        take: 12,
      })
    ).map((s) => ({ symbol: s.code, price: s.prevClose }));
  if (ctx.demo && (await ctx.prisma.orderFlowEvent.count({ take: 1 })) === 0) {
    const t0 = performance.now();
    const list = await symbols();
    const start = Math.floor(ctx.clock.now() / 60_000) * 60_000 - WARM_UP_MINUTES * 60_000;
    const events = await monitor.warmUp(start, WARM_UP_MINUTES, list);
    log.info({ minutes: WARM_UP_MINUTES, events, ms: Math.round(performance.now() - t0) }, "surveillance warmed up");
  }
  let minutes = 0;
  ctx.engine?.onMinuteClose(async ({ minuteTs, bars }) => {
    const closes = new Map(bars.map((b) => [b.symbol, b.close]));
    const list = (await symbols()).map((s) => ({ ...s, price: closes.get(s.symbol) ?? s.price }));
    await monitor.runMinute(minuteTs, list);
    // Cases past their SLA reach the compliance officer on duty (on-call), once per due date.
    for (const e of await markSlaBreaches(ctx.prisma, ctx.clock.now())) publishDeskEvent(ctx.bus, e);
    minutes += 1;
    if (minutes % RETENTION_EVERY_MINUTES === 0) await monitor.applyRetention(ctx.clock.now());
  }, "surveillance");
  return { services: monitor, stop: async () => undefined };
}
