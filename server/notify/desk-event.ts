// The desk's shared event model: one shape for "something a person must hear about", published on
// the event bus by any domain and consumed by on-call paging (and, later, the notification centre).
// Producers describe what happened and which object it is about; they never decide who is told.
import type { EventBus } from "../engine/event-bus";

export const DESK_EVENT_TOPIC = "notify:desk-event";

export const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Kinds that may page; each is published by the domain that owns it (see the callers of publishDeskEvent). */
export const DESK_EVENT_KINDS = [
  "liquidation.hardFloor",
  "liquidation.executionFailed",
  "feed.failover",
  "feed.allStale",
  "engine.behind",
  "engine.leaderLost",
  "capital.guaranteeFundLow",
  "capital.lcrLow",
  "capital.reserveLow",
  "funding.loanOverdue",
  "auth.stepUpLocked",
  "case.slaBreached",
  "oncall.channelFailing",
  "oncall.rosterHole",
  "oncall.drill",
] as const;
export type DeskEventKind = (typeof DESK_EVENT_KINDS)[number];

export interface DeskEvent {
  kind: DeskEventKind;
  severity: Severity;
  /** Identifies one ongoing event (e.g. "ticket:abc", "feed"): repeats with the same key are grouped. */
  key: string;
  /** English text. "{account}" stands for the account's code and name when `accountId` is set. */
  title: string;
  detail: string;
  /**
   * The same in Simplified Chinese: the console shows the viewer's language, and chat and email carry
   * both (a duty group reads either).
   */
  zh: { title: string; detail: string };
  /** The account the event is about, named by its code and client name in the texts (never its id). */
  accountId?: string | null;
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

export const ACCOUNT_PLACEHOLDER = "{account}";

/** The texts with "{account}" replaced by the account's label (e.g. "A00042 王芳"). */
export function nameAccountIn<T extends Pick<DeskEvent, "title" | "detail" | "zh">>(event: T, label: string): T {
  const fill = (s: string) => s.split(ACCOUNT_PLACEHOLDER).join(label);
  return {
    ...event,
    title: fill(event.title),
    detail: fill(event.detail),
    zh: { title: fill(event.zh.title), detail: fill(event.zh.detail) },
  };
}
