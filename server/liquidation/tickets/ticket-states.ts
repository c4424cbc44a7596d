// R6/R7 liquidation ticket lifecycle as an explicit state machine: the pure transition table. The
// ticket service applies a transition only with a conditional update on (status, version), so two
// actors (two clicks, the deadline and a click, a restarted engine) can never both move a ticket.
//
//   OPEN              in the review window until its deadline (hard floor: deadline = creation)
//   HELD              RISK holds it until the next bar close (renewals logged, cumulative cap)
//   EXECUTING         execution claimed, nothing filled yet (a restart resumes it at the next slice)
//   PARTIALLY_FILLED  some fills; each later minute's slice sells more (volume cap, suspended, limit-down)
//   EXECUTED          every leg filled (terminal)
//   CANCELLED         the account recovered, or RISK cancelled it (terminal)
export const TICKET_STATES = ["OPEN", "HELD", "EXECUTING", "PARTIALLY_FILLED", "EXECUTED", "CANCELLED"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_URGENCIES = ["LIQUIDATION", "HARD_FLOOR", "CALL_EXPIRED"] as const;
export type TicketUrgency = (typeof TICKET_URGENCIES)[number];

export type TicketEvent =
  | "HOLD" // RISK: first hold, or a renewal while held
  | "EXTEND" // MANAGER raises the cumulative hold cap and holds the ticket to the next bar close
  | "RELEASE" // the hold ran out (bar close) or RISK released it: back into the review window
  | "REPLAN" // the tick updated urgency and plan (LIQUIDATION <-> HARD_FLOOR), never a second ticket
  | "REDUCE" // RISK reduces planned quantities
  | "EXECUTE" // RISK "execute now", the deadline, or a hard floor
  | "FILL_PARTIAL" // a slice filled part of the plan; the rest carries to the next minute
  | "COMPLETE" // the last leg filled
  | "CANCEL"; // the account recovered (or the plan is empty)

type Table = Record<TicketState, Partial<Record<TicketEvent, TicketState>>>;

export const TICKET_TRANSITIONS: Table = {
  OPEN: { HOLD: "HELD", EXTEND: "HELD", REPLAN: "OPEN", REDUCE: "OPEN", EXECUTE: "EXECUTING", CANCEL: "CANCELLED" },
  HELD: {
    HOLD: "HELD",
    EXTEND: "HELD",
    RELEASE: "OPEN",
    REPLAN: "HELD",
    REDUCE: "HELD",
    EXECUTE: "EXECUTING",
    CANCEL: "CANCELLED",
  },
  EXECUTING: { FILL_PARTIAL: "PARTIALLY_FILLED", COMPLETE: "EXECUTED" },
  PARTIALLY_FILLED: { FILL_PARTIAL: "PARTIALLY_FILLED", COMPLETE: "EXECUTED", CANCEL: "CANCELLED" },
  EXECUTED: {},
  CANCELLED: {},
};

/** States in which the account "has an open ticket" (the partial unique index agrees). */
export const OPEN_TICKET_STATES: readonly TicketState[] = ["OPEN", "HELD", "EXECUTING", "PARTIALLY_FILLED"];
export const TERMINAL_TICKET_STATES: readonly TicketState[] = ["EXECUTED", "CANCELLED"];
/** Still in review: plan may change, nothing sold yet. */
export const REVIEW_STATES: readonly TicketState[] = ["OPEN", "HELD"];

export function isTicketState(v: string): v is TicketState {
  return (TICKET_STATES as readonly string[]).includes(v);
}

export function isTicketUrgency(v: string): v is TicketUrgency {
  return (TICKET_URGENCIES as readonly string[]).includes(v);
}

/** The next state, or null when the event is not allowed in this state. */
export function nextTicketState(state: TicketState, event: TicketEvent): TicketState | null {
  return TICKET_TRANSITIONS[state][event] ?? null;
}

const URGENCY_RANK: Record<TicketUrgency, number> = { HARD_FLOOR: 0, CALL_EXPIRED: 1, LIQUIDATION: 2 };

/** Queue order: hard floor first, then expired calls, then liquidation; earlier deadline first. */
export function compareUrgency(
  a: { urgency: TicketUrgency; deadline: number },
  b: { urgency: TicketUrgency; deadline: number },
): number {
  return URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.deadline - b.deadline;
}
