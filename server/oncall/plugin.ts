// On-call paging joins the runtime: it subscribes to desk events on the bus, and on the engine's
// instance drives escalations and deliveries at each minute close and on a short timer (retries
// fall due between closes). ENGINE=off: the console can still acknowledge and configure.
import type { DomainPlugin } from "../engine/plugins";
import { domainLog } from "../log";
import { createChannelSender } from "./channels/senders";
import { observeEngine, readStepUpLockouts, subscribeDeskEvents, type EngineWatchState } from "./event-sources";
import { consoleUrlOf, resolveOncallBox } from "./oncall-services";
import { Pager } from "./pager";

/** Real milliseconds between pager ticks (retries are 15 s of engine time apart at the least). */
const TICK_MS = 1_000;

let pager: Pager | null = null;
let unsubscribe: (() => void) | null = null;
let watchTimer: ReturnType<typeof setInterval> | undefined;
/** Real milliseconds between engine / feed / lock-out checks outside minute closes. */
const WATCH_MS = 5_000;

export const oncallPlugin: DomainPlugin = {
  name: "oncall",
  async start(ctx) {
    const { getAuthSecret } = await import("../runtime");
    const box = resolveOncallBox(ctx.env, getAuthSecret);
    const ackKey = box.derive("ack-link");
    const engine = ctx.engine;
    const now = () => (engine ? engine.now() : ctx.clock.now());
    const sender = createChannelSender({
      now: () => Date.now(),
      smtp: ctx.env.ONCALL_SMTP_URL ? { url: ctx.env.ONCALL_SMTP_URL, from: ctx.env.ONCALL_EMAIL_FROM } : null,
    });
    const consoleUrl = consoleUrlOf(ctx.env);
    const log = domainLog("oncall");
    ctx.services.oncall = { box, ackKey, sender, consoleUrl, now, pager: null };
    if (!engine) return;
    const p = new Pager({
      prisma: ctx.prisma,
      box,
      ackKey,
      sender,
      now,
      consoleUrl,
      log: (msg, err) => log.error({ err }, msg),
    });
    pager = p;
    ctx.services.oncall.pager = p;
    unsubscribe = subscribeDeskEvents(ctx.bus, (e) => {
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
    watchTimer = setInterval(() => {
      if (!engine.status().running) return;
      void observe().catch((err: unknown) => log.error({ err }, "watch failed"));
    }, WATCH_MS);
    watchTimer.unref();
  },
  async stop() {
    unsubscribe?.();
    unsubscribe = null;
    if (watchTimer) clearInterval(watchTimer);
    watchTimer = undefined;
    pager?.stopTimer();
    await pager?.idle();
    pager = null;
  },
};
