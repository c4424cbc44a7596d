import { describe, expect, it } from "vitest";
import {
  compareUrgency,
  nextTicketState,
  OPEN_TICKET_STATES,
  TERMINAL_TICKET_STATES,
  TICKET_STATES,
  type TicketEvent,
  type TicketState,
} from "./ticket-states";

const EVENTS: TicketEvent[] = [
  "HOLD",
  "EXTEND",
  "RELEASE",
  "REPLAN",
  "REDUCE",
  "EXECUTE",
  "FILL_PARTIAL",
  "COMPLETE",
  "CANCEL",
];

// The full table written out by hand from DESIGN R6/R7: every (state, event) pair not listed is forbidden.
const ALLOWED: Record<string, TicketState> = {
  "OPEN HOLD": "HELD",
  "OPEN EXTEND": "HELD",
  "OPEN REPLAN": "OPEN",
  "OPEN REDUCE": "OPEN",
  "OPEN EXECUTE": "EXECUTING",
  "OPEN CANCEL": "CANCELLED",
  "HELD HOLD": "HELD",
  "HELD EXTEND": "HELD",
  "HELD RELEASE": "OPEN",
  "HELD REPLAN": "HELD",
  "HELD REDUCE": "HELD",
  "HELD EXECUTE": "EXECUTING",
  "HELD CANCEL": "CANCELLED",
  "EXECUTING FILL_PARTIAL": "PARTIALLY_FILLED",
  "EXECUTING COMPLETE": "EXECUTED",
  "PARTIALLY_FILLED FILL_PARTIAL": "PARTIALLY_FILLED",
  "PARTIALLY_FILLED COMPLETE": "EXECUTED",
  "PARTIALLY_FILLED CANCEL": "CANCELLED",
};

describe("liquidation ticket state machine", () => {
  for (const state of TICKET_STATES) {
    for (const event of EVENTS) {
      const expected = ALLOWED[`${state} ${event}`] ?? null;
      it(`${state} --${event}--> ${expected ?? "forbidden"}`, () => {
        expect(nextTicketState(state, event)).toBe(expected);
      });
    }
  }

  it("terminal states accept no event", () => {
    for (const s of TERMINAL_TICKET_STATES) for (const e of EVENTS) expect(nextTicketState(s, e)).toBeNull();
  });

  it("execution cannot be cancelled mid-slice nor held once started", () => {
    expect(nextTicketState("EXECUTING", "CANCEL")).toBeNull();
    expect(nextTicketState("EXECUTING", "HOLD")).toBeNull();
    expect(nextTicketState("PARTIALLY_FILLED", "HOLD")).toBeNull();
    expect(nextTicketState("EXECUTING", "EXECUTE")).toBeNull(); // a second "execute" is refused
  });

  it("open and terminal states partition the states", () => {
    expect([...OPEN_TICKET_STATES, ...TERMINAL_TICKET_STATES].sort()).toEqual([...TICKET_STATES].sort());
  });

  it("queue order: hard floor, then expired call, then liquidation; earlier deadline first", () => {
    const list = [
      { urgency: "LIQUIDATION" as const, deadline: 1 },
      { urgency: "CALL_EXPIRED" as const, deadline: 5 },
      { urgency: "HARD_FLOOR" as const, deadline: 9 },
      { urgency: "LIQUIDATION" as const, deadline: 0 },
    ].sort(compareUrgency);
    expect(list.map((t) => `${t.urgency}@${t.deadline}`)).toEqual([
      "HARD_FLOOR@9",
      "CALL_EXPIRED@5",
      "LIQUIDATION@0",
      "LIQUIDATION@1",
    ]);
  });
});
