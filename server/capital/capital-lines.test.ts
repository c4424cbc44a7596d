// The capital lines, worked by hand: LCR 0.95 against a minimum of 1.00; a guarantee fund paid in at
// CNY 10,000,000 has its line at half, CNY 5,000,000 (below it pages, at it does not); reserves of
// CNY 900,000 against CNY 10,000,000 drawn are a reserve ratio of 9.0%, under a 10% line.
import { describe, expect, it } from "vitest";
import { capitalLineEvents, newLineAlerts } from "./capital-lines";

const T = Date.parse("2026-12-03T02:00:00Z");
const ok = {
  lcr: 1.2,
  minLcr: 1,
  reserveRatio: 0.2,
  minReserveRatio: 0.1,
  guaranteeBalance: 8_000_000,
  guaranteeFunded: 10_000_000,
};

describe("capital lines", () => {
  it("nothing pages above the lines, nor exactly at them", () => {
    expect(capitalLineEvents(ok, T)).toEqual([]);
    expect(capitalLineEvents({ ...ok, lcr: 1, reserveRatio: 0.1, guaranteeBalance: 5_000_000 }, T)).toEqual([]);
    // No net outflows (LCR undefined) and a fund never paid into do not page.
    expect(
      capitalLineEvents({ ...ok, lcr: null, reserveRatio: null, guaranteeFunded: 0, guaranteeBalance: 0 }, T),
    ).toEqual([]);
  });

  it("LCR 95.0% below 100.0% and the fund one cent under CNY 5,000,000 page, critical, with one key each", () => {
    const ev = capitalLineEvents({ ...ok, lcr: 0.95, guaranteeBalance: 4_999_999.99 }, T);
    expect(ev.map((e) => [e.kind, e.severity, e.key, e.link])).toEqual([
      ["capital.lcrLow", "CRITICAL", "capital:lcr", "/capital"],
      ["capital.guaranteeFundLow", "CRITICAL", "capital:guarantee-fund", "/capital"],
    ]);
    expect(ev[0]!.title).toBe("LCR 95.0% is below its line of 100.0%");
    expect(ev[0]!.zh.title).toBe("流动性覆盖率 95.0% 低于 100.0% 的警戒线");
    expect(ev[1]!.detail).toContain("CNY 4,999,999.99 of the CNY 10,000,000.00 paid in");
  });

  it("a reserve ratio of 900,000 / 10,000,000 = 9.0% under 10.0% warns, in both languages", () => {
    const ev = capitalLineEvents({ ...ok, reserveRatio: 900_000 / 10_000_000 }, T);
    expect(ev.map((e) => [e.kind, e.severity, e.key])).toEqual([["capital.reserveLow", "WARNING", "capital:reserve"]]);
    expect(ev[0]!.title).toBe("Reserve ratio 9.0% is below its line of 10.0%");
    expect(ev[0]!.zh.title).toBe("备付金比率 9.0% 低于 10.0% 的警戒线");
  });

  it("records a funding alert once per breach: not again while one is open, and not for the guarantee fund", () => {
    const ev = capitalLineEvents({ ...ok, lcr: 0.95, reserveRatio: 0.09, guaranteeBalance: 1 }, T);
    expect(newLineAlerts(ev, new Set()).map((a) => [a.kind, a.severity])).toEqual([
      ["LCR_LOW", "CRITICAL"],
      ["RESERVE_LOW", "WARNING"],
    ]);
    expect(newLineAlerts(ev, new Set(["LCR_LOW"])).map((a) => a.kind)).toEqual(["RESERVE_LOW"]);
    expect(newLineAlerts(capitalLineEvents(ok, T), new Set())).toEqual([]);
  });
});
