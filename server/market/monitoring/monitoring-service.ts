// The monitoring screens' services on top of the runtime (feed health, drills, indicators,
// latency) and the alert stream; the persistence side is in alert-store.ts.
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEvent } from "../../audit/audit-service";
import { iterateTopic, type EventBus } from "../../engine/event-bus";
import type { MarketEngine } from "../../engine/market-engine";
import { getRetention, RETENTION_KEY, type RetentionSetting } from "./depth-store";
import { ALERT_TOPIC, type AlertEvent, type MarketMonitoring } from "./market-monitoring";

export function getFeedHealth(engine: MarketEngine | null) {
  return engine ? engine.feeds().health() : null;
}

export function getIndicators(monitoring: MarketMonitoring, symbols: string[]) {
  return symbols.map((s) => ({ symbol: s, snapshot: monitoring.book.snapshot(s) }));
}

export function getLatency(monitoring: MarketMonitoring) {
  return monitoring.latencyStats();
}

export async function* streamAlerts(bus: EventBus, signal: AbortSignal | undefined) {
  const events = iterateTopic<AlertEvent>(bus, ALERT_TOPIC, signal);
  try {
    for await (const e of events) yield { id: e.id, data: e.data };
  } finally {
    events.close();
  }
}

export async function getRetentionSetting(prisma: PrismaClient) {
  return getRetention(prisma);
}

export async function setRetention(
  prisma: PrismaClient,
  actor: { id: string; email: string },
  value: RetentionSetting,
) {
  const before = await getRetention(prisma);
  await prisma.setting.upsert({
    where: { key: RETENTION_KEY },
    create: { key: RETENTION_KEY, value: { ...value } },
    update: { value: { ...value } },
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "market.retentionChanged",
    targetType: "setting",
    targetId: RETENTION_KEY,
    before,
    after: value,
  });
  return value;
}
