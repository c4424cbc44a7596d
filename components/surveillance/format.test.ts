import { describe, expect, it } from "vitest";
import { formatDuration, priorityBand } from "./format";

describe("surveillance format", () => {
  it("durations", () => {
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(59 * 60_000 + 59_999)).toBe("59 min");
    expect(formatDuration(-(3 * 3_600_000 + 5 * 60_000))).toBe("3 h 05 min");
    expect(formatDuration(52 * 3_600_000)).toBe("2 d 4 h");
  });
  it("priority bands at 50 and 70", () => {
    expect([49, 50, 69, 70].map(priorityBand)).toEqual(["low", "medium", "medium", "high"]);
  });
});
