// The recent-symbols list: most recent first, no repeats, capped.
import { describe, expect, it } from "vitest";
import { MAX_RECENT, pushRecent } from "./preferences";

describe("pushRecent", () => {
  it("puts the symbol first and drops its older entry", () => {
    expect(pushRecent(["600519.SH", "300750.SZ", "000001.SZ"], "300750.SZ")).toEqual([
      "300750.SZ",
      "600519.SH",
      "000001.SZ",
    ]);
  });
  it("keeps at most MAX_RECENT (10), dropping the oldest", () => {
    const list = Array.from({ length: 10 }, (_, i) => `60000${i}.SH`);
    const next = pushRecent(list, "300750.SZ");
    expect(MAX_RECENT).toBe(10);
    expect(next).toHaveLength(10);
    expect(next[0]).toBe("300750.SZ");
    expect(next).not.toContain("600009.SH");
    expect(next[9]).toBe("600008.SH");
  });
});
