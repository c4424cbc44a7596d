// P1 cut-offs (Asia/Shanghai) and settlement conventions, worked by hand on a calendar:
// 2026-11-24 is a Tuesday, 2026-11-27 a Friday.
import { describe, expect, it } from "vitest";
import { checkChannelLimit, settlementDates, shanghaiDate } from "./channels";

const sh = (iso: string) => Date.parse(`${iso}+08:00`);

describe("channels", () => {
  it("uses Shanghai time for the date: 2026-11-24 23:30 UTC is already the 25th in Shanghai", () => {
    expect(shanghaiDate(Date.parse("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
  });
  it("bank transfer T+0: before the 16:30 cut-off settles today, after it the next business day", () => {
    expect(settlementDates("BANK_TRANSFER", sh("2026-11-24T16:30:00"))).toEqual({ valueDate: "2026-11-24", settlementDate: "2026-11-24", afterCutoff: false });
    expect(settlementDates("BANK_TRANSFER", sh("2026-11-24T16:31:00"))).toMatchObject({ valueDate: "2026-11-25", settlementDate: "2026-11-25", afterCutoff: true });
  });
  it("SWIFT T+1 after the 15:00 cut-off on a Friday settles on Tuesday", () => {
    expect(settlementDates("SWIFT", sh("2026-11-27T15:05:00"))).toMatchObject({ valueDate: "2026-11-30", settlementDate: "2026-12-01" });
    expect(settlementDates("SWIFT", sh("2026-11-27T14:00:00"))).toMatchObject({ valueDate: "2026-11-27", settlementDate: "2026-11-30" });
  });
  it("a Saturday request takes Monday as value date", () => {
    expect(settlementDates("QUICK_PAY", sh("2026-11-28T10:00:00"))).toMatchObject({ valueDate: "2026-11-30", settlementDate: "2026-11-30" });
  });
  it("limits: quick pay takes 50,000 but not 50,000.01", () => {
    expect(checkChannelLimit("QUICK_PAY", 50_000)).toBeNull();
    expect(checkChannelLimit("QUICK_PAY", 50_000.01)).toMatch(/at most 50000/);
  });
});
