// P3 withdrawal lifecycle as an explicit state machine: the pure transition table. The service
// (withdrawal-service.ts) applies a transition only with a conditional update on the current
// state and version, so two concurrent actors can never both move the same withdrawal.
export const WITHDRAWAL_STATES = [
  "REQUESTED",
  "CHECKED",
  "PENDING_APPROVAL",
  "APPROVED",
  "SENT",
  "SETTLED",
  "REJECTED",
  "FAILED",
  "REVERSED",
  "FROZEN",
] as const;
export type WithdrawalState = (typeof WITHDRAWAL_STATES)[number];

export type WithdrawalEvent =
  | "CHECK" // AML and risk checks passed (system)
  | "SUBMIT" // into the approvals queue (system)
  | "APPROVE_PARTIAL" // one approval of several required
  | "APPROVE" // the last required approval
  | "ESCALATE" // a manager asks for a second approver
  | "REJECT"
  | "SEND" // handed to the payment rails (system)
  | "SETTLE"
  | "FAIL"
  | "REVERSE"
  | "FREEZE" // COMPLIANCE, any time before SENT
  | "APPEAL" // on behalf of the client, while frozen
  | "UNFREEZE" // COMPLIANCE lifts the freeze: back to the state it was frozen in
  | "CONFIRM_FREEZE"; // COMPLIANCE confirms: the withdrawal is rejected for good

type Table = Partial<Record<WithdrawalState, Partial<Record<WithdrawalEvent, WithdrawalState | "PREVIOUS">>>>;

const BEFORE_SENT: readonly WithdrawalState[] = ["REQUESTED", "CHECKED", "PENDING_APPROVAL", "APPROVED"];

export const TRANSITIONS: Table = {
  REQUESTED: { CHECK: "CHECKED", REJECT: "REJECTED", FREEZE: "FROZEN" },
  CHECKED: { SUBMIT: "PENDING_APPROVAL", REJECT: "REJECTED", FREEZE: "FROZEN" },
  PENDING_APPROVAL: {
    APPROVE_PARTIAL: "PENDING_APPROVAL",
    APPROVE: "APPROVED",
    ESCALATE: "PENDING_APPROVAL",
    REJECT: "REJECTED",
    FREEZE: "FROZEN",
  },
  APPROVED: { SEND: "SENT", FREEZE: "FROZEN" },
  SENT: { SETTLE: "SETTLED", FAIL: "FAILED" },
  SETTLED: { REVERSE: "REVERSED" },
  FROZEN: { APPEAL: "FROZEN", UNFREEZE: "PREVIOUS", CONFIRM_FREEZE: "REJECTED" },
};

export const TERMINAL_STATES: readonly WithdrawalState[] = ["REJECTED", "FAILED", "REVERSED"];
export const OPEN_STATES: readonly WithdrawalState[] = [...BEFORE_SENT, "FROZEN"];

export function isWithdrawalState(v: string): v is WithdrawalState {
  return (WITHDRAWAL_STATES as readonly string[]).includes(v);
}

/** The next state, or null when the event is not allowed in this state. */
export function nextWithdrawalState(
  state: WithdrawalState,
  event: WithdrawalEvent,
  frozenFrom: WithdrawalState | null = null,
): WithdrawalState | null {
  const to = TRANSITIONS[state]?.[event];
  if (to === undefined) return null;
  if (to === "PREVIOUS") return frozenFrom !== null && BEFORE_SENT.includes(frozenFrom) ? frozenFrom : null;
  return to;
}
