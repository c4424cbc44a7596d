// Which engine ticks (DESIGN 8, issue 14): the embedded default is always the leader; on PostgreSQL the
// advisory lock elects one, and a takeover bumps the fencing epoch before the engine starts, so the
// deposed leader's in-flight tick can no longer commit.
import os from "node:os";
import { domainLog } from "../log";
import { publishDeskEvent } from "../notify/desk-event";
import type { EventBus } from "./event-bus";
import type { Fence } from "./fence";
import { leaderLostEvent } from "./leader-events";
import { alwaysLeader, startLeaderElection, type LeaderLock } from "./leader-lock";
import type { MarketEngine } from "./market-engine";

export function electLeader(o: {
  engine: MarketEngine;
  fence: Fence | null;
  bus: EventBus;
  demo: boolean;
  url: string | undefined;
  retryMs: number;
}): LeaderLock {
  const e = o.engine;
  if (o.demo) return alwaysLeader(() => e.start());
  return startLeaderElection(
    o.url ?? "",
    {
      onAcquire: () => {
        void (o.fence ? o.fence.takeOver() : Promise.resolve(0)).then(
          () => e.start(),
          (err: unknown) => domainLog("engine").error({ err }, "could not take the fencing epoch"),
        );
      },
      onLose: () => {
        void e.stop();
        publishDeskEvent(o.bus, leaderLostEvent(o.fence?.instance ?? `${os.hostname()}:${process.pid}`, e.now()));
      },
    },
    o.retryMs,
  );
}
