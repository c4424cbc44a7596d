// Funding and capital. Demo mode seeds sources, tranche products (before the liquidation domain,
// so the waterfall's tranche layers are the products' tranches), pools and limits. Loans accrue
// once a day: at the first minute close of each Asia/Shanghai day. Every five engine minutes the
// capital lines are checked and a breach is published as a desk event.
import type { DomainContext, StartedDomain } from "../domain-context";
import { capitalLineEvents, readCapitalLines, recordLineAlerts } from "../capital/capital-lines";
import { domainLog } from "../log";
import { publishDeskEvent } from "../notify/desk-event";
import { accrueDay } from "./accrual-service";
import { runOverdue } from "./overdue-service";
import { seedFundingDemo } from "./demo-seed";

export { seedFundingDemo };

/** Engine time between checks of the capital lines (the LCR view reads the whole funding book). */
const CAPITAL_CHECK_MS = 5 * 60_000;

const shanghaiDay = (ts: number) => new Date(ts + 8 * 3_600_000).toISOString().slice(0, 10);

export async function startFunding(ctx: DomainContext): Promise<StartedDomain<null>> {
  let lastDay = "";
  ctx.engine?.onMinuteClose(async ({ minuteTs }) => {
    // Interest for a day is posted on the first close after it ended (yesterday's, Shanghai time).
    const yesterday = shanghaiDay(minuteTs - 86_400_000);
    if (yesterday === lastDay) return;
    lastDay = yesterday;
    try {
      const r = await accrueDay(ctx.prisma, yesterday);
      if (r.loans > 0) domainLog("funding").info(r, "loans accrued");
    } catch (err) {
      domainLog("funding").error({ err }, "accrual failed");
    }
  }, "funding");
  // The capital lines (LCR, reserve ratio, guarantee fund) for the duty manager, every few engine
  // minutes; the liquidity lines are also kept as funding alerts on the capital pages; and overdue loans.
  let lastCheck = 0;
  ctx.engine?.onMinuteClose(async ({ minuteTs }) => {
    if (minuteTs - lastCheck < CAPITAL_CHECK_MS) return;
    lastCheck = minuteTs;
    try {
      const now = ctx.engine?.now() ?? minuteTs;
      const events = capitalLineEvents(await readCapitalLines(ctx.prisma, now), now);
      for (const e of events) publishDeskEvent(ctx.bus, e);
      const r = await recordLineAlerts(ctx.prisma, events, now);
      if (r.recorded.length + r.recovered.length > 0) domainLog("funding").warn(r, "liquidity lines changed");
      // Overdue loans: penalty, restriction, then the desk is paged to liquidate.
      const o = await runOverdue(ctx.prisma, now);
      for (const e of o.events) publishDeskEvent(ctx.bus, e);
      if (o.markedOverdue + o.restricted > 0)
        domainLog("funding").warn({ ...o, events: o.events.length }, "overdue loans");
    } catch (err) {
      domainLog("funding").error({ err }, "capital line check failed");
    }
  }, "capital-lines");
  return { services: null, stop: async () => undefined };
}
