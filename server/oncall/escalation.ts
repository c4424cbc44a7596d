// Escalation: who is paged at each level, and when an unacknowledged incident moves up. Level 0
// is the first person on duty for the rule's role, level 1 the next person of that role, then the
// manager on duty; a hole in the roster falls back as planChain says. Pure: the caller passes the
// roster's view and the clock.
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

export interface ChainPlan {
  chain: EscalationTarget[];
  /** Nobody of the rule's role was on duty: the fallback was used, and ADMIN is told about the hole. */
  hole: boolean;
}

/** At most this many people of one role are paged at once by the fallback. */
export const FALLBACK_MAX = 20;

/**
 * The one rule for who is paged (the admin page states it):
 * 1. people of the rule's role on duty: the first, then the second in roster order, then the manager on duty;
 * 2. nobody of that role on duty (a hole in the roster): everyone holding the role is paged at once, then the
 *    manager on duty; the caller tells ADMIN about the hole;
 * 3. nobody holds the role at all: every ADMIN, then the manager on duty.
 * A page never goes nowhere while anyone holds ADMIN. `holders` lists the enabled users of a role.
 */
export function planChain(
  rule: Pick<PolicyRule, "firstRole">,
  onDuty: (role: PagedRole) => readonly string[],
  holders: (role: PagedRole) => readonly string[],
): ChainPlan {
  if (onDuty(rule.firstRole).length > 0) return { chain: escalationChain(rule, onDuty), hole: false };
  const role: PagedRole = holders(rule.firstRole).length > 0 ? rule.firstRole : "ADMIN";
  const first = holders(role)
    .slice(0, FALLBACK_MAX)
    .map((userId) => ({ level: 0, role, userId }));
  const manager = onDuty("MANAGER")[0];
  const chain: EscalationTarget[] = [...first];
  if (manager && !first.some((t) => t.userId === manager)) chain.push({ level: 1, role: "MANAGER", userId: manager });
  return { chain, hole: true };
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
