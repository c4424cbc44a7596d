// What the notification centre tells people about, and who hears each kind by default (per role).
// Kinds whose audience is a named person (the maker of a failed payment, a case's assignee, the paged
// person, the watcher of a symbol) have no role default: the drafts name those people.
import type { Role } from "../auth/roles";
import type { DeskEventKind, Severity } from "./desk-event";

export const NOTIFICATION_KINDS = [
  "liquidation.ticket",
  "payment.failed",
  "case.assigned",
  "case.slaBreached",
  "market.alert",
  "approval.withdrawal",
  "approval.parameters",
  "approval.access",
  "oncall.page",
  "desk.event",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who hears a desk event by default, by its kind (kinds not listed reach ADMIN). */
export const DESK_EVENT_ROLES: Partial<Record<DeskEventKind, readonly Role[]>> = {
  "liquidation.hardFloor": ["RISK"],
  "liquidation.executionFailed": ["RISK", "MANAGER"],
  "capital.guaranteeFundLow": ["RISK", "MANAGER"],
  "capital.lcrLow": ["RISK", "MANAGER"],
  "case.slaBreached": ["COMPLIANCE"],
  "feed.failover": ["ADMIN"],
  "feed.allStale": ["ADMIN", "RISK"],
  "engine.behind": ["ADMIN"],
  "engine.leaderLost": ["ADMIN"],
  "auth.stepUpLocked": ["ADMIN"],
};

/** Who hears of a newly opened liquidation ticket, and who is asked to decide each kind of approval. */
export const TICKET_ROLES: readonly Role[] = ["RISK"];
export const APPROVER_ROLES = {
  "approval.withdrawal": ["MANAGER"],
  "approval.parameters": ["MANAGER"],
  "approval.access": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

/** Who a notification goes to: everyone in the roles and the named users, less the excluded ones. */
export interface Audience {
  roles?: readonly Role[];
  userIds?: readonly string[];
  exceptUserIds?: readonly string[];
}

export interface NotificationDraft {
  kind: NotificationKind;
  severity: Severity;
  title: string;
  titleZh: string;
  body: string;
  bodyZh: string;
  href: string;
  objectType: string | null;
  objectId: string | null;
  dedupeKey: string;
  audience: Audience;
}
