import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RISK_STATUSES } from "../../risk/margin/risk-params";
import { decideTriggers, urgencyOf, type OpenTicketRef } from "./ticket-triggers";
import { TICKET_STATES, TICKET_URGENCIES } from "./ticket-states";

describe("ticket triggers (R3, R6)", () => {
  it("maps the account condition to an urgency", () => {
    expect(urgencyOf({ status: "HARD_FLOOR", expiredCall: false })).toBe("HARD_FLOOR");
    expect(urgencyOf({ status: "LIQUIDATION", expiredCall: true })).toBe("LIQUIDATION");
    expect(urgencyOf({ status: "WARNING", expiredCall: true })).toBe("CALL_EXPIRED");
    expect(urgencyOf({ status: "WARNING", expiredCall: false })).toBeNull();
    expect(urgencyOf({ status: "HEALTHY", expiredCall: true })).toBeNull();
  });

  it("opens a ticket for a new account below the line", () => {
    const d = decideTriggers([{ accountId: "a", status: "LIQUIDATION", expiredCall: false }], []);
    expect(d).toEqual({ create: [{ accountId: "a", urgency: "LIQUIDATION" }], replan: [], cancel: [] });
  });

  it("an expired margin call while still below the warning line opens a CALL_EXPIRED ticket", () => {
    const d = decideTriggers([{ accountId: "a", status: "WARNING", expiredCall: true }], []);
    expect(d.create).toEqual([{ accountId: "a", urgency: "CALL_EXPIRED" }]);
  });

  it("LIQUIDATION -> HARD_FLOOR -> LIQUIDATION re-plans the one open ticket, never a second", () => {
    const open: OpenTicketRef[] = [{ id: "t1", accountId: "a", status: "OPEN", urgency: "LIQUIDATION" }];
    const up = decideTriggers([{ accountId: "a", status: "HARD_FLOOR", expiredCall: false }], open);
    expect(up).toEqual({
      create: [],
      replan: [{ ticketId: "t1", accountId: "a", from: "LIQUIDATION", to: "HARD_FLOOR" }],
      cancel: [],
    });
    const down = decideTriggers(
      [{ accountId: "a", status: "LIQUIDATION", expiredCall: false }],
      [{ ...open[0]!, urgency: "HARD_FLOOR" }],
    );
    expect(down.create).toEqual([]);
    expect(down.replan).toEqual([{ ticketId: "t1", accountId: "a", from: "HARD_FLOOR", to: "LIQUIDATION" }]);
  });

  it("cancels a ticket in review when the account recovered; leaves executing ones alone", () => {
    const healthy = { accountId: "a", status: "HEALTHY" as const, expiredCall: false };
    expect(
      decideTriggers([healthy], [{ id: "t", accountId: "a", status: "HELD", urgency: "LIQUIDATION" }]).cancel,
    ).toEqual([{ ticketId: "t", accountId: "a", status: "HEALTHY" }]);
    expect(
      decideTriggers([healthy], [{ id: "t", accountId: "a", status: "PARTIALLY_FILLED", urgency: "LIQUIDATION" }]),
    ).toEqual({
      create: [],
      replan: [],
      cancel: [],
    });
  });

  it("property: never a second ticket for an account that has an open one", () => {
    const cond = fc.record({ status: fc.constantFrom(...RISK_STATUSES), expiredCall: fc.boolean() });
    const ticket = fc.option(
      fc.record({
        status: fc.constantFrom(...TICKET_STATES.filter((s) => s !== "EXECUTED" && s !== "CANCELLED")),
        urgency: fc.constantFrom(...TICKET_URGENCIES),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cond, ticket), { maxLength: 30 }), (rows) => {
        const conditions = rows.map(([c], i) => ({ accountId: `a${i}`, ...c }));
        const open = rows.flatMap(([, t], i) => (t ? [{ id: `t${i}`, accountId: `a${i}`, ...t }] : []));
        const d = decideTriggers(conditions, open);
        const withTicket = new Set(open.map((t) => t.accountId));
        expect(d.create.every((c) => !withTicket.has(c.accountId))).toBe(true);
        // every account is in at most one list
        const touched = [
          ...d.create.map((x) => x.accountId),
          ...d.replan.map((x) => x.accountId),
          ...d.cancel.map((x) => x.accountId),
        ];
        expect(new Set(touched).size).toBe(touched.length);
      }),
    );
  });
});
