// Overdue stages and penalty rates, worked by hand (policy 1.5x, restrict at 3 days, liquidate at 10).
import { describe, expect, it } from "vitest";
import { accrualRate, overdueStage } from "./overdue";

const DAY = 86_400_000;
const created = new Date(Date.UTC(2026, 10, 1, 2, 0)); // 30-day term: due 2026-12-01 02:00 UTC
const loan = { createdAt: created, termDays: 30 };
const due = created.getTime() + 30 * DAY;

describe("overdue stages", () => {
  it("current up to and at the due instant; overdue one millisecond later (0 whole days)", () => {
    expect(overdueStage(loan, due)).toEqual({ stage: "CURRENT", days: 0 });
    expect(overdueStage(loan, due + 1)).toEqual({ stage: "OVERDUE", days: 0 });
  });
  it("restrict from 3 whole days, liquidate from 10", () => {
    expect(overdueStage(loan, due + 3 * DAY - 1)).toEqual({ stage: "OVERDUE", days: 2 });
    expect(overdueStage(loan, due + 3 * DAY)).toEqual({ stage: "RESTRICT", days: 3 });
    expect(overdueStage(loan, due + 10 * DAY - 1)).toEqual({ stage: "RESTRICT", days: 9 });
    expect(overdueStage(loan, due + 10 * DAY)).toEqual({ stage: "LIQUIDATE", days: 10 });
  });
  it("penalty interest: 6% becomes 9% a year once overdue", () => {
    expect(accrualRate({ rate: 0.06, status: "OPEN" })).toBe(0.06);
    expect(accrualRate({ rate: 0.06, status: "OVERDUE" })).toBeCloseTo(0.09, 12);
  });
});
