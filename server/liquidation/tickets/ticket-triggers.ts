// R3/R6 what the minute close does with tickets, pure: which accounts get a new ticket, which open
// ticket changes urgency (re-plan), which one is cancelled because its account recovered. An account
// has at most one open ticket: LIQUIDATION <-> HARD_FLOOR only re-plans it (no flapping tickets).
import type { RiskStatus } from "../../risk/margin/risk-params";
import { REVIEW_STATES, type TicketState, type TicketUrgency } from "./ticket-states";

export interface AccountCondition {
  accountId: string;
  status: RiskStatus;
  /** A margin call whose deadline passed unmet (ESCALATED) is open on the account. */
  expiredCall: boolean;
}

export interface OpenTicketRef {
  id: string;
  accountId: string;
  status: TicketState;
  urgency: TicketUrgency;
}

export interface TriggerDecisions {
  create: Array<{ accountId: string; urgency: TicketUrgency }>;
  replan: Array<{ ticketId: string; accountId: string; from: TicketUrgency; to: TicketUrgency }>;
  cancel: Array<{ ticketId: string; accountId: string; status: RiskStatus }>;
}

/**
 * R3: below the liquidation line -> LIQUIDATION; hard floor -> HARD_FLOOR (no review window); a margin
 * call unmet at its deadline while still below the warning line -> CALL_EXPIRED; otherwise none.
 */
export function urgencyOf(c: Pick<AccountCondition, "status" | "expiredCall">): TicketUrgency | null {
  if (c.status === "HARD_FLOOR") return "HARD_FLOOR";
  if (c.status === "LIQUIDATION") return "LIQUIDATION";
  if (c.status === "WARNING" && c.expiredCall) return "CALL_EXPIRED";
  return null;
}

/** `conditions` must include every account that has an open ticket (so recovery is seen). */
export function decideTriggers(
  conditions: readonly AccountCondition[],
  open: readonly OpenTicketRef[],
): TriggerDecisions {
  const byAccount = new Map(open.map((t) => [t.accountId, t]));
  const out: TriggerDecisions = { create: [], replan: [], cancel: [] };
  for (const c of conditions) {
    const urgency = urgencyOf(c);
    const t = byAccount.get(c.accountId);
    if (!t) {
      if (urgency) out.create.push({ accountId: c.accountId, urgency });
      continue;
    }
    if (!REVIEW_STATES.includes(t.status)) continue; // execution in progress: it finishes, then the next tick re-plans
    if (urgency === null) out.cancel.push({ ticketId: t.id, accountId: c.accountId, status: c.status });
    else if (urgency !== t.urgency)
      out.replan.push({ ticketId: t.id, accountId: c.accountId, from: t.urgency, to: urgency });
  }
  return out;
}
