// Funding and capital. Demo mode seeds sources, tranche products (before the liquidation domain,
// so the waterfall's tranche layers are the products' tranches), pools and limits. Loans accrue
// once a day: at the first minute close of each Asia/Shanghai day.
import type { DomainContext, StartedDomain } from "../domain-context";
import { domainLog } from "../log";
import { accrueDay } from "./accrual-service";
import { seedFundingDemo } from "./demo-seed";

export { seedFundingDemo };

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
  return { services: null, stop: async () => undefined };
}
