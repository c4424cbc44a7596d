// Escalation: who is paged at each level, and when an unacknowledged incident moves up. Level 0
// is the first person on duty for the rule's role, level 1 the next person of that role, then the
// manager on duty. Pure: the caller passes the roster's view and the clock.
import type { PagedRole, PolicyRule } from "./policy";
import type { Severity } from "../notify/desk-event";

export interface EscalationTarget {
  level: number;
  role: PagedRole;
  userId: string;
}

/**
 * The escalation chain: the first role's people in roster order (at most two), then the managers
 * on duty. A person appears once (a manager on the RISK roster is not paged twice).
 */
export function escalationChain(
  rule: Pick<PolicyRule, "firstRole">,
  onDuty: (role: PagedRole) => readonly string[],
): EscalationTarget[] {
  const out: EscalationTarget[] = [];
  const seen = new Set<string>();
  const add = (role: PagedRole, userId: string | undefined) => {
    if (!userId || seen.has(userId)) return;
    seen.add(userId);
    out.push({ level: out.length, role, userId });
  };
  const first = onDuty(rule.firstRole);
  add(rule.firstRole, first[0]);
  add(rule.firstRole, first[1]);
  add("MANAGER", onDuty("MANAGER")[0]);
  return out;
}

export interface EscalationState {
  status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
  level: number;
  lastPagedAt: number;
}

/**
 * The level to page now, or null. An open incident not acknowledged `escalateAfterMinutes` after
 * its last page moves one level up; at the end of the chain it stays (the manager was told).
 */
export function dueEscalation(
  state: EscalationState,
  rule: Pick<PolicyRule, "escalateAfterMinutes">,
  chainLength: number,
  now: number,
): number | null {
  if (state.status !== "OPEN") return null;
  if (state.level + 1 >= chainLength) return null;
  if (now < state.lastPagedAt + rule.escalateAfterMinutes * 60_000) return null;
  return state.level + 1;
}

/** When the next escalation falls due (for the console), or null. */
export function nextEscalationAt(
  state: EscalationState,
  rule: Pick<PolicyRule, "escalateAfterMinutes">,
  chainLength: number,
): number | null {
  if (state.status !== "OPEN" || state.level + 1 >= chainLength) return null;
  return state.lastPagedAt + rule.escalateAfterMinutes * 60_000;
}

export type { Severity };
