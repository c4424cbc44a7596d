// Portfolio volatility and days overdue, worked by hand.
import { describe, expect, it } from "vitest";
import { overdueDays } from "./overdue";
import { portfolioSigma } from "./quote-service";

const DAY = 86_400_000;

describe("portfolioSigma", () => {
  it("one position is its own sigma", () => {
    expect(portfolioSigma([1], [0.02], [[1]])).toBeCloseTo(0.02, 12);
  });
  it("two halves at 2% and 4% with correlation 0.5: sigma sqrt(7)% = 2.6458%", () => {
    // variance (in %^2) = 0.25*4 + 0.25*16 + 2 * 0.5*0.5 * 0.5 * 2*4 = 1 + 4 + 2 = 7 -> sigma = 2.6458%
    const s = portfolioSigma(
      [0.5, 0.5],
      [0.02, 0.04],
      [
        [1, 0.5],
        [0.5, 1],
      ],
    );
    expect(s).toBeCloseTo(Math.sqrt(7) / 100, 12);
  });
  it("perfectly hedged halves (correlation -1, equal sigma) have no volatility", () => {
    expect(
      portfolioSigma(
        [0.5, 0.5],
        [0.03, 0.03],
        [
          [1, -1],
          [-1, 1],
        ],
      ),
    ).toBeCloseTo(0, 12);
  });
});

describe("overdueDays", () => {
  const now = Date.UTC(2026, 11, 3, 2, 0);
  it("counts whole days past due; a loan not yet due counts nothing", () => {
    const loans = [
      { createdAt: new Date(now - 40 * DAY), termDays: 30 }, // 10 days past due
      { createdAt: new Date(now - 31.5 * DAY), termDays: 30 }, // 1.5 days -> 1
      { createdAt: new Date(now - 10 * DAY), termDays: 30 }, // not due
    ];
    expect(overdueDays(loans, now)).toBe(11);
  });
  it("counts at most the last 365 days of a very old loan", () => {
    expect(overdueDays([{ createdAt: new Date(now - 800 * DAY), termDays: 30 }], now)).toBe(365);
  });
});
