// On-call paging: it subscribes to desk events on the bus, and on the engine's instance drives
// escalations and deliveries at each minute close and on a short timer (retries fall due between
// closes). Started last, so its minute-close hook sees what the other domains published.
// ENGINE=off: the console can still acknowledge and configure (no pager).
import type { DomainContext, StartedDomain } from "../domain-context";
import { domainLog } from "../log";
import { createChannelSender } from "./channels/senders";
import { observeEngine, readStepUpLockouts, subscribeDeskEvents, type EngineWatchState } from "./event-sources";
import { consoleUrlOf, resolveOncallBox, type OncallServices } from "./oncall-services";
import { Pager } from "./pager";

/** Real milliseconds between pager ticks (retries are 15 s of engine time apart at the least). */
const TICK_MS = 1_000;
/** Real milliseconds between engine / feed / lock-out checks outside minute closes. */
const WATCH_MS = 5_000;

export async function startOncall(
  ctx: DomainContext,
  deps: { authSecret: () => string },
): Promise<StartedDomain<OncallServices>> {
  const box = resolveOncallBox(ctx.env, deps.authSecret);
  const ackKey = box.derive("ack-link");
  const engine = ctx.engine;
  const now = () => (engine ? engine.now() : ctx.clock.now());
  const sender = createChannelSender({
    now: () => Date.now(),
    smtp: ctx.env.ONCALL_SMTP_URL ? { url: ctx.env.ONCALL_SMTP_URL, from: ctx.env.ONCALL_EMAIL_FROM } : null,
  });
  const consoleUrl = consoleUrlOf(ctx.env);
  const log = domainLog("oncall");
  const services: OncallServices = { box, ackKey, sender, consoleUrl, now, pager: null };
  if (!engine) return { services, stop: async () => undefined };
  const p = new Pager({
    prisma: ctx.prisma,
    box,
    ackKey,
    sender,
    now,
    consoleUrl,
    log: (msg, err) => log.error({ err }, msg),
  });
  services.pager = p;
  const unsubscribe = subscribeDeskEvents(ctx.bus, (e) => {
    // The instance that just lost the engine lock pages that itself, at once (the new leader's timer
    // retries the deliveries if this one fails). Otherwise only the instance running the engine pages,
    // so a standby never doubles a page.
    if (e.kind === "engine.leaderLost") {
      void p
        .handle(e)
        .then(() => p.tick())
        .catch((err: unknown) => log.error({ err, kind: e.kind }, "paging failed"));
      return;
    }
    if (!engine.status().running) return;
    void p.handle(e).catch((err: unknown) => log.error({ err, kind: e.kind }, "paging failed"));
  });
  const watch: EngineWatchState = { failovers: null };
  const last = await ctx.prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  let auditCursor = last?.id ?? 0;
  const observe = async () => {
    const feeds = engine.feeds();
    for (const e of observeEngine(watch, engine.status(), feeds.health(), feeds.failoverCount())) await p.handle(e);
    const lock = await readStepUpLockouts(ctx.prisma, auditCursor, now());
    auditCursor = lock.cursor;
    for (const e of lock.events) await p.handle(e);
  };
  engine.onMinuteClose(async () => {
    try {
      await observe();
      await p.tick();
    } catch (err) {
      log.error({ err }, "minute close failed");
    }
  }, "oncall");
  p.startTimer(TICK_MS, () => engine.status().running);
  // A stalled engine closes no minutes, so "engine behind" and stale feeds are also looked for
  // between closes, on a slower timer.
  const watchTimer = setInterval(() => {
    if (!engine.status().running) return;
    void observe().catch((err: unknown) => log.error({ err }, "watch failed"));
  }, WATCH_MS);
  watchTimer.unref();
  return {
    services,
    async stop() {
      unsubscribe();
      clearInterval(watchTimer);
      p.stopTimer();
      await p.idle();
    },
  };
}
