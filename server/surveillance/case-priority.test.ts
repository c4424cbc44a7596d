import { describe, expect, it } from "vitest";
import { casePriority } from "./case-priority";

describe("casePriority", () => {
  it("strongest rule + 5 per extra distinct rule (max 15) + (score - 0.5) x 80 capped at 20", () => {
    expect(casePriority(["CANCEL_RATIO"], null)).toBe(30);
    expect(casePriority(["WASH_TRADE", "CANCEL_RATIO", "CANCEL_RATIO"], null)).toBe(75); // 70 + 5
    expect(casePriority(["WASH_TRADE"], 0.6)).toBe(78); // 70 + 8
    expect(casePriority(["WASH_TRADE"], 0.4)).toBe(70); // a normal score adds nothing
    expect(casePriority(["WASH_TRADE", "SPOOFING", "PRICE_PUSH", "HIGH_FREQUENCY_DAY", "CANCEL_RATIO"], 0.9)).toBe(100);
    expect(casePriority([], 0.7)).toBe(16);
  });
});
