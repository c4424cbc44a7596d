// P1 cut-offs (Asia/Shanghai) and settlement conventions, worked by hand on a calendar:
// 2026-11-24 is a Tuesday, 2026-11-27 a Friday.
import { describe, expect, it } from "vitest";
import { DayCalendar } from "../calendar/day-calendar";
import { packageEntries } from "../calendar/package-calendar";
import { checkChannelLimit, settlementDates as datesOn, shanghaiDate, type Channel } from "./channels";

const sh = (iso: string) => Date.parse(`${iso}+08:00`);
// The 2026 bank calendar from the State Council notice (via chinese-days): National Day closes
// 2026-10-01..10-07; Sunday 09-20 and Saturday 10-10 are make-up workdays.
const bank2026 = new DayCalendar("BANK", packageEntries("BANK", 2026));
const settlementDates = (c: Channel, ms: number) => datesOn(c, ms, bank2026);

describe("channels", () => {
  it("uses Shanghai time for the date: 2026-11-24 23:30 UTC is already the 25th in Shanghai", () => {
    expect(shanghaiDate(Date.parse("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
  });
  it("bank transfer T+0: before the 16:30 cut-off settles today, after it the next business day", () => {
    expect(settlementDates("BANK_TRANSFER", sh("2026-11-24T16:30:00"))).toEqual({
      valueDate: "2026-11-24",
      settlementDate: "2026-11-24",
      afterCutoff: false,
    });
    expect(settlementDates("BANK_TRANSFER", sh("2026-11-24T16:31:00"))).toMatchObject({
      valueDate: "2026-11-25",
      settlementDate: "2026-11-25",
      afterCutoff: true,
    });
  });
  it("SWIFT T+1 after the 15:00 cut-off on a Friday settles on Tuesday", () => {
    expect(settlementDates("SWIFT", sh("2026-11-27T15:05:00"))).toMatchObject({
      valueDate: "2026-11-30",
      settlementDate: "2026-12-01",
    });
    expect(settlementDates("SWIFT", sh("2026-11-27T14:00:00"))).toMatchObject({
      valueDate: "2026-11-27",
      settlementDate: "2026-11-30",
    });
  });
  it("a Saturday request takes Monday as value date", () => {
    expect(settlementDates("QUICK_PAY", sh("2026-11-28T10:00:00"))).toMatchObject({
      valueDate: "2026-11-30",
      settlementDate: "2026-11-30",
    });
  });
  it("skips public holidays: SWIFT on 2026-09-30 16:00 (after its 15:00 cut-off) has value date 10-08, not 10-01", () => {
    expect(settlementDates("SWIFT", sh("2026-09-30T16:00:00"))).toEqual({
      valueDate: "2026-10-08",
      settlementDate: "2026-10-09",
      afterCutoff: true,
    });
    expect(settlementDates("SWIFT", sh("2026-09-30T14:00:00"))).toMatchObject({
      valueDate: "2026-09-30",
      settlementDate: "2026-10-08",
    });
    expect(settlementDates("BANK_TRANSFER", sh("2026-10-03T10:00:00"))).toMatchObject({ valueDate: "2026-10-08" });
  });
  it("banks work the make-up Saturday 2026-10-10: a transfer that day has it as value date", () => {
    expect(settlementDates("BANK_TRANSFER", sh("2026-10-10T10:00:00"))).toMatchObject({
      valueDate: "2026-10-10",
      settlementDate: "2026-10-10",
    });
    expect(settlementDates("ACH", sh("2026-10-09T18:00:00"))).toMatchObject({
      valueDate: "2026-10-10",
      settlementDate: "2026-10-12",
    });
  });
  it("limits: quick pay takes 50,000 but not 50,000.01", () => {
    expect(checkChannelLimit("QUICK_PAY", 50_000)).toBeNull();
    expect(checkChannelLimit("QUICK_PAY", 50_000.01)).toMatch(/at most 50000/);
  });
});
