// A-share continuous sessions by the clock, worked by hand: Shanghai is UTC+8, so 09:30 local is 01:30Z,
// 11:30 is 03:30Z, 13:00 is 05:00Z, 15:00 is 07:00Z; the start minute trades, the end minute does not.
import { describe, expect, it } from "vitest";
import { inAShareSession, shanghaiClock } from "./session-window";

const at = (h: number, m: number) => Date.UTC(2026, 11, 7, h, m); // Monday 2026-12-07, UTC

describe("A-share session window", () => {
  it.each([
    [1, 29, false], // 09:29 before the open
    [1, 30, true], // 09:30 open
    [3, 29, true], // 11:29
    [3, 30, false], // 11:30 lunch
    [4, 59, false], // 12:59
    [5, 0, true], // 13:00 afternoon open
    [6, 59, true], // 14:59
    [7, 0, false], // 15:00 closed
  ])("%i:%i UTC -> %s", (h, m, open) => {
    expect(inAShareSession(at(h, m))).toBe(open);
  });
  it("takes the Shanghai date: 2026-12-06 16:30Z is 00:30 on the 7th", () => {
    expect(shanghaiClock(Date.UTC(2026, 11, 6, 16, 30))).toEqual({ date: "2026-12-07", minuteOfDay: 30 });
  });
});
