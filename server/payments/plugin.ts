// The payments (issue 5): ledger, withdrawals, AML, reconciliation: joins the runtime here.
// Demo seeding (opening ledger, pending withdrawals of every kind) and the simulated payment rails,
// which run after every minute close (after the risk tick) or on a timer when the engine is off.
import type { DomainPlugin } from "../engine/plugins";
import type { PrismaClient } from "../db/generated/client";
import { seedCalendars } from "../calendar/calendar-service";
import { seedPaymentsDemo } from "./demo-seed";
import { runRails } from "./rails-simulator";
import { domainLog } from "../log";

let timer: NodeJS.Timeout | undefined;
let running = false;

async function tick(prisma: PrismaClient): Promise<void> {
  if (running) return; // a slow run is never overlapped
  running = true;
  try {
    await runRails(prisma);
  } catch (err) {
    domainLog("payments").error({ err }, "rails run failed");
  } finally {
    running = false;
  }
}

export const paymentsPlugin: DomainPlugin = {
  name: "payments",
  async seedDemo(prisma, opts) {
    const t0 = Date.now();
    await seedCalendars(prisma); // the demo's withdrawals take their value dates from the bank calendar
    await seedPaymentsDemo(prisma, opts);
    domainLog("payments").info({ ms: Date.now() - t0 }, "payments demo seeded");
  },
  async start(ctx) {
    // Bank and exchange calendars: every year the package covers that is not in the database yet.
    const seeded = await seedCalendars(ctx.prisma);
    if (seeded.length > 0)
      console.log(`[minute-desk] calendars seeded: ${seeded.length} calendar-years from chinese-days`);
    // The rails answer asynchronously: the minute close only kicks them off and never waits for them.
    if (ctx.engine) ctx.engine.onMinuteClose(async () => void tick(ctx.prisma), "payments");
    else timer = setInterval(() => void tick(ctx.prisma), 10_000);
  },
  async stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
  },
};
