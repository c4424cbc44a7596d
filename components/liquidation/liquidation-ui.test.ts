// The queue's pure rules: which actions a user is offered on a ticket in each state (R6), and how
// durations on the engine clock read in both languages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/config";
import { offeredActions } from "./actions-offered";
import { filterQueue, formatDuration } from "./format";

const RISK = { act: true, extend: false, dispute: true };
const MANAGER = { act: false, extend: true, dispute: false };
const AUDITOR = { act: false, extend: false, dispute: false };

describe("offered actions", () => {
  it("offers the desk every review action on a liquidation ticket in review", () => {
    expect(offeredActions({ status: "OPEN", urgency: "LIQUIDATION" }, RISK)).toEqual([
      "hold",
      "execute",
      "reduce",
      "cancel",
      "dispute",
    ]);
    expect(offeredActions({ status: "HELD", urgency: "CALL_EXPIRED" }, RISK)).toEqual([
      "hold",
      "execute",
      "reduce",
      "cancel",
      "dispute",
    ]);
  });

  it("never offers a hold (or an extension) on a hard floor, which has no review window", () => {
    expect(offeredActions({ status: "OPEN", urgency: "HARD_FLOOR" }, RISK)).not.toContain("hold");
    expect(offeredActions({ status: "OPEN", urgency: "HARD_FLOOR" }, MANAGER)).toEqual([]);
    expect(offeredActions({ status: "OPEN", urgency: "LIQUIDATION" }, MANAGER)).toEqual(["extend"]);
  });

  it("once execution started only cancel (partly filled) and disputes remain; closed tickets take only disputes", () => {
    expect(offeredActions({ status: "EXECUTING", urgency: "LIQUIDATION" }, RISK)).toEqual(["dispute"]);
    expect(offeredActions({ status: "PARTIALLY_FILLED", urgency: "HARD_FLOOR" }, RISK)).toEqual(["cancel", "dispute"]);
    expect(offeredActions({ status: "EXECUTED", urgency: "LIQUIDATION" }, RISK)).toEqual(["dispute"]);
    expect(offeredActions({ status: "CANCELLED", urgency: "LIQUIDATION" }, RISK)).toEqual(["dispute"]);
  });

  it("offers a read-only role nothing in any state", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("OPEN", "HELD", "EXECUTING", "PARTIALLY_FILLED", "EXECUTED", "CANCELLED"),
        fc.constantFrom("LIQUIDATION", "HARD_FLOOR", "CALL_EXPIRED"),
        (status, urgency) => {
          expect(offeredActions({ status, urgency }, AUDITOR)).toEqual([]);
        },
      ),
    );
  });
});

describe("durations on the engine clock", () => {
  const en = createTranslator("en");
  const zh = createTranslator("zh-CN");

  it("rounds up to the whole second and switches to minutes at 60 s", () => {
    expect(formatDuration(en, 0)).toBe("0 s");
    expect(formatDuration(en, -5_000)).toBe("0 s");
    expect(formatDuration(en, 38_001)).toBe("39 s");
    expect(formatDuration(en, 45_000)).toBe("45 s");
    expect(formatDuration(en, 59_999)).toBe("1 min 00 s");
    expect(formatDuration(en, 125_000)).toBe("2 min 05 s");
    expect(formatDuration(zh, 45_000)).toBe("45 秒");
    expect(formatDuration(zh, 125_000)).toBe("2 分 05 秒");
  });
});

describe("queue filters", () => {
  const tickets = [
    { id: "a", urgency: "HARD_FLOOR", accountCode: "MD100271" },
    { id: "b", urgency: "LIQUIDATION", accountCode: "MD102443" },
    { id: "c", urgency: "LIQUIDATION", accountCode: "md102450" },
  ];
  it("finds an account by a part of its code, in any case, ignoring surrounding spaces", () => {
    expect(filterQueue(tickets, null, "  1024 ").map((x) => x.id)).toEqual(["b", "c"]);
    expect(filterQueue(tickets, null, "md100271").map((x) => x.id)).toEqual(["a"]);
    expect(filterQueue(tickets, "HARD_FLOOR", "1024")).toEqual([]);
    expect(filterQueue(tickets, "LIQUIDATION", "").map((x) => x.id)).toEqual(["b", "c"]);
    expect(filterQueue(tickets, null, "\u0000")).toEqual([]);
  });
  it("keeps order and only drops tickets (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ urgency: fc.constantFrom("HARD_FLOOR", "LIQUIDATION"), accountCode: fc.string() })),
        fc.string(),
        (list, q) => {
          const out = filterQueue(list, null, q);
          let i = 0;
          for (const x of out) {
            while (i < list.length && list[i] !== x) i++;
            expect(i).toBeLessThan(list.length);
            i++;
          }
          if (q.trim() === "") expect(out).toHaveLength(list.length);
        },
      ),
    );
  });
});
