// The payments: ledger, withdrawals, AML, reconciliation. Demo seeding (opening ledger, pending
// withdrawals of every kind) and the simulated payment rails, which run after every minute close
// (after the risk tick) or on a timer when the engine is off.
import type { DomainContext, DemoSeeder, StartedDomain } from "../domain-context";
import { seedCalendars } from "../calendar/calendar-service";
import { seedPaymentsDemo } from "./demo-seed";
import { runRails } from "./rails-simulator";
import { domainLog } from "../log";

export const seedPaymentsDomainDemo: DemoSeeder = async (prisma, opts) => {
  const t0 = Date.now();
  await seedCalendars(prisma); // the demo's withdrawals take their value dates from the bank calendar
  await seedPaymentsDemo(prisma, opts);
  domainLog("payments").info({ ms: Date.now() - t0 }, "payments demo seeded");
};

export async function startPayments(ctx: DomainContext): Promise<StartedDomain<null>> {
  // Bank and exchange calendars: every year the package covers that is not in the database yet.
  const seeded = await seedCalendars(ctx.prisma);
  if (seeded.length > 0)
    domainLog("payments").info({ calendarYears: seeded.length }, "calendars seeded from chinese-days");
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return; // a slow run is never overlapped
    running = true;
    try {
      await runRails(ctx.prisma);
    } catch (err) {
      domainLog("payments").error({ err }, "rails run failed");
    } finally {
      running = false;
    }
  };
  // The rails answer asynchronously: the minute close only kicks them off and never waits for them.
  let timer: NodeJS.Timeout | undefined;
  if (ctx.engine) ctx.engine.onMinuteClose(async () => void tick(), "payments");
  else timer = setInterval(() => void tick(), 10_000);
  return {
    services: null,
    async stop() {
      if (timer) clearInterval(timer);
    },
  };
}
