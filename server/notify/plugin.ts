// The notification centre's domain: the notifier listens on the bus on every instance (events are
// published where they happen) and scans the queues on a short timer. Started before on-call so a
// page's desk event and its notification come from the same publish.
import type { DomainContext, StartedDomain } from "../domain-context";
import { domainLog } from "../log";
import { Notifier } from "./notifier";

/** Real milliseconds between scans of the queues (each is a few indexed reads and one insert). */
const SCAN_MS = 15_000;

export function startNotify(ctx: DomainContext): Promise<StartedDomain<{ notifier: Notifier }>> {
  const log = domainLog("notify");
  const notifier = new Notifier({ prisma: ctx.prisma, bus: ctx.bus, log: (msg, err) => log.error({ err }, msg) });
  const off = notifier.listen();
  const timer = setInterval(() => void notifier.scan(), SCAN_MS);
  timer.unref();
  return Promise.resolve({
    services: { notifier },
    async stop() {
      off();
      clearInterval(timer);
      await notifier.idle();
    },
  });
}
