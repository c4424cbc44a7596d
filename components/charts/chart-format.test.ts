// Volume axis units and the up/down colour setting, worked by hand.
import { describe, expect, it } from "vitest";
import { candleColors, compactVolume, resolveUpColor } from "./chart-format";

describe("compactVolume", () => {
  it("uses 万 and 亿 in Chinese", () => {
    expect(compactVolume(158700, "zh-CN")).toBe("15.87万"); // 158700 / 10000
    expect(compactVolume(250_000_000, "zh-CN")).toBe("2.5亿"); // 2.5e8 / 1e8
    expect(compactVolume(9999, "zh-CN")).toBe("9999");
  });
  it("uses K, M and B in English", () => {
    expect(compactVolume(158700, "en")).toBe("158.7K");
    expect(compactVolume(2_340_000, "en")).toBe("2.34M"); // 2340000 / 1e6
    expect(compactVolume(3_000_000_000, "en")).toBe("3B");
    expect(compactVolume(999, "en")).toBe("999");
  });
});

describe("up/down colours", () => {
  it("defaults by language and follows the setting", () => {
    expect(resolveUpColor(null, "zh-CN")).toBe("RED_UP");
    expect(resolveUpColor(null, "en")).toBe("GREEN_UP");
    expect(resolveUpColor("RED_UP", "en")).toBe("RED_UP");
    expect(candleColors("RED_UP").up).toBe("#e5484d");
    expect(candleColors("GREEN_UP").up).toBe("#30a46c");
  });
});
