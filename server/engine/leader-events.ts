// The leader lock's desk event: this instance lost the engine lock (its database connection ended),
// so its engine stopped; a standby takes over within a retry period, or nobody does. The instance that
// lost the lock publishes it (it is the one that knows); the on-call plugin there pages at once.
import type { DeskEvent } from "../notify/desk-event";

export function leaderLostEvent(instance: string, now: number): DeskEvent {
  return {
    kind: "engine.leaderLost",
    severity: "CRITICAL",
    key: "engine:leader-lost",
    title: "The minute engine lost its leader lock",
    detail: `Instance ${instance} lost the engine's lock and stopped its engine. A standby should take over within a minute; if no minute closes after that, no instance holds the lock.`,
    zh: {
      title: "分钟引擎失去主节点锁",
      detail: `实例 ${instance} 失去了引擎锁并已停止其引擎。备用实例应在一分钟内接管；若之后仍无分钟收盘，则没有任何实例持有该锁。`,
    },
    objectType: "Engine",
    objectId: instance,
    link: "/admin/system",
    ts: now,
  };
}
