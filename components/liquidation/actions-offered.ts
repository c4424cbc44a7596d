// Which review-window actions (R6) a user is offered on a ticket: RISK holds (never a hard floor, which
// has no review window), executes or reduces while in review, cancels a recovered account (also one
// partly filled); a MANAGER extends holds; disputes attach at any time. The server re-checks all of it.
export type ActionMode = "hold" | "execute" | "reduce" | "cancel" | "dispute" | "extend";
export interface ActionRights {
  act: boolean;
  extend: boolean;
  dispute: boolean;
  /** COMPLIANCE records its review of client disputes (not a ticket action: the disputes panel). */
  reviewDispute?: boolean;
}

const REVIEW = ["OPEN", "HELD"];

/** The actions this user may take on the ticket in its current state. */
export function offeredActions(tk: { status: string; urgency: string }, rights: ActionRights): ActionMode[] {
  const out: ActionMode[] = [];
  if (rights.act && REVIEW.includes(tk.status) && tk.urgency !== "HARD_FLOOR") out.push("hold");
  if (rights.act && REVIEW.includes(tk.status)) out.push("execute", "reduce");
  if (rights.act && (REVIEW.includes(tk.status) || tk.status === "PARTIALLY_FILLED")) out.push("cancel");
  if (rights.extend && REVIEW.includes(tk.status) && tk.urgency !== "HARD_FLOOR") out.push("extend");
  if (rights.dispute) out.push("dispute");
  return out;
}
