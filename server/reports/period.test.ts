// Periods worked by hand on the calendar: 2026-01-01 is a Thursday, so ISO week 1 of 2026 runs from
// Monday 2025-12-29 and 2026 has 53 ISO weeks; Asia/Shanghai is UTC+8 with no daylight saving.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastCompleteMonth, lastCompleteWeek, monthOf, periodOfKey, weekOf } from "./period";

describe("report periods (Asia/Shanghai)", () => {
  it("puts Wednesday 2026-12-02 in 2026-W49, Monday 2026-11-30 00:00 +08 to the next Monday", () => {
    const p = weekOf(Date.parse("2026-12-02T12:00:00Z"));
    expect(p.key).toBe("2026-W49");
    expect(p.start.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("takes the Shanghai day, not the UTC day: Sunday 23:30 UTC is already Monday in Shanghai", () => {
    // 2026-12-06T23:30Z = Monday 2026-12-07 07:30 in Shanghai: week 50.
    expect(weekOf(Date.parse("2026-12-06T23:30:00Z")).key).toBe("2026-W50");
    expect(weekOf(Date.parse("2026-12-06T15:59:59Z")).key).toBe("2026-W49");
  });

  it("numbers ISO weeks across the new year: 2027-01-01 is in 2026-W53, 2025-12-29 in 2026-W01", () => {
    expect(weekOf(Date.parse("2027-01-01T04:00:00Z")).key).toBe("2026-W53");
    expect(weekOf(Date.parse("2025-12-29T04:00:00Z")).key).toBe("2026-W01");
  });

  it("months run from the 1st 00:00 Shanghai (the previous day 16:00 UTC)", () => {
    const m = monthOf(Date.parse("2026-12-02T12:00:00Z"));
    expect(m.key).toBe("2026-12");
    expect(m.start.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(m.end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(lastCompleteMonth(Date.parse("2026-12-02T12:00:00Z")).key).toBe("2026-11");
    expect(lastCompleteWeek(Date.parse("2026-12-02T12:00:00Z")).key).toBe("2026-W48");
  });

  it("week keys parse back and bad keys are refused", () => {
    expect(periodOfKey("2026-W53")?.start.toISOString()).toBe("2026-12-27T16:00:00.000Z");
    expect(periodOfKey("2025-W53")).toBeNull(); // 2025 has 52 ISO weeks
    expect(periodOfKey("2026-13")).toBeNull();
    expect(periodOfKey("2026-W49\u0000")).toBeNull();
  });

  it("every instant lies in its week and month, each 7 days long, and keys round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ts) => {
        const w = weekOf(ts);
        const m = monthOf(ts);
        expect(w.start.getTime()).toBeLessThanOrEqual(ts);
        expect(ts).toBeLessThan(w.end.getTime());
        expect(w.end.getTime() - w.start.getTime()).toBe(7 * 86_400_000);
        expect(new Date(w.start.getTime() + 8 * 3_600_000).getUTCDay()).toBe(1);
        expect(m.start.getTime()).toBeLessThanOrEqual(ts);
        expect(ts).toBeLessThan(m.end.getTime());
        expect(periodOfKey(w.key)?.start.getTime()).toBe(w.start.getTime());
        expect(periodOfKey(m.key)?.start.getTime()).toBe(m.start.getTime());
      }),
    );
  });
});
