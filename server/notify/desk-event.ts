// The desk's shared event model: one shape for "something a person must hear about", published on
// the event bus by any domain and consumed by on-call paging (and, later, the notification centre).
// Producers describe what happened and which object it is about; they never decide who is told.
import type { EventBus } from "../engine/event-bus";

export const DESK_EVENT_TOPIC = "notify:desk-event";

export const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Kinds that may page. Several are not published yet by their domains (capital, surveillance,
 * the leader lock): the type is defined here so those domains publish into it when they land.
 */
export const DESK_EVENT_KINDS = [
  "liquidation.hardFloor",
  "liquidation.executionFailed",
  "feed.failover",
  "feed.allStale",
  "engine.behind",
  "engine.leaderLost",
  "capital.guaranteeFundLow",
  "capital.lcrLow",
  "auth.stepUpLocked",
  "case.slaBreached",
  "oncall.channelFailing",
  "oncall.drill",
] as const;
export type DeskEventKind = (typeof DESK_EVENT_KINDS)[number];

export interface DeskEvent {
  kind: DeskEventKind;
  severity: Severity;
  /** Identifies one ongoing event (e.g. "ticket:abc", "feed"): repeats with the same key are grouped. */
  key: string;
  title: string;
  detail: string;
  /** The object in the console this is about, and the console path that shows it. */
  objectType: string | null;
  objectId: string | null;
  link: string;
  /** Engine time of the observation, epoch ms. */
  ts: number;
}

export function publishDeskEvent(bus: EventBus, event: DeskEvent): void {
  bus.publish<DeskEvent>(DESK_EVENT_TOPIC, event);
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
