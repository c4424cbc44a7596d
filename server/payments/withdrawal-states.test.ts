// P3 transition table: every allowed transition, and everything else refused.
import { describe, expect, it } from "vitest";
import { nextWithdrawalState, TRANSITIONS, WITHDRAWAL_STATES, type WithdrawalEvent } from "./withdrawal-states";

const EVENTS: WithdrawalEvent[] = [
  "CHECK",
  "SUBMIT",
  "APPROVE_PARTIAL",
  "APPROVE",
  "ESCALATE",
  "REJECT",
  "SEND",
  "SETTLE",
  "FAIL",
  "REVERSE",
  "FREEZE",
  "APPEAL",
  "UNFREEZE",
  "CONFIRM_FREEZE",
];

describe("withdrawal state machine", () => {
  it.each([
    ["REQUESTED", "CHECK", "CHECKED"],
    ["REQUESTED", "REJECT", "REJECTED"],
    ["REQUESTED", "FREEZE", "FROZEN"],
    ["CHECKED", "SUBMIT", "PENDING_APPROVAL"],
    ["CHECKED", "REJECT", "REJECTED"],
    ["CHECKED", "FREEZE", "FROZEN"],
    ["PENDING_APPROVAL", "APPROVE_PARTIAL", "PENDING_APPROVAL"],
    ["PENDING_APPROVAL", "APPROVE", "APPROVED"],
    ["PENDING_APPROVAL", "ESCALATE", "PENDING_APPROVAL"],
    ["PENDING_APPROVAL", "REJECT", "REJECTED"],
    ["PENDING_APPROVAL", "FREEZE", "FROZEN"],
    ["APPROVED", "SEND", "SENT"],
    ["APPROVED", "FREEZE", "FROZEN"],
    ["SENT", "SETTLE", "SETTLED"],
    ["SENT", "FAIL", "FAILED"],
    ["SETTLED", "REVERSE", "REVERSED"],
    ["FROZEN", "APPEAL", "FROZEN"],
    ["FROZEN", "CONFIRM_FREEZE", "REJECTED"],
  ] as const)("%s --%s--> %s", (from, event, to) => {
    expect(nextWithdrawalState(from, event)).toBe(to);
  });

  it("unfreezes back to the state it was frozen in, and only to a state before SENT", () => {
    expect(nextWithdrawalState("FROZEN", "UNFREEZE", "PENDING_APPROVAL")).toBe("PENDING_APPROVAL");
    expect(nextWithdrawalState("FROZEN", "UNFREEZE", "APPROVED")).toBe("APPROVED");
    expect(nextWithdrawalState("FROZEN", "UNFREEZE", null)).toBeNull();
    expect(nextWithdrawalState("FROZEN", "UNFREEZE", "SENT")).toBeNull();
  });

  it("refuses every transition not in the table (no freeze after SENT, nothing out of a terminal state)", () => {
    let allowed = 0;
    for (const s of WITHDRAWAL_STATES) {
      for (const e of EVENTS) {
        const expected = TRANSITIONS[s]?.[e];
        if (expected === undefined) expect(nextWithdrawalState(s, e, "PENDING_APPROVAL"), `${s} ${e}`).toBeNull();
        else allowed += 1;
      }
    }
    expect(allowed).toBe(19);
    for (const s of ["SENT", "SETTLED", "REJECTED", "FAILED", "REVERSED"] as const)
      expect(nextWithdrawalState(s, "FREEZE")).toBeNull();
    for (const e of EVENTS)
      for (const s of ["REJECTED", "FAILED", "REVERSED"] as const) expect(nextWithdrawalState(s, e)).toBeNull();
  });
});
