// English strings of the calendar administration (namespace "calendar"). calendar.zh-CN.ts must have the same keys.
export const calendarEn = {
  nav: "Calendars",
  title: "Bank and exchange calendars",
  intro: "Value dates follow the bank calendar; trading sessions follow the exchange calendar. Exchanges never open on make-up weekend workdays.",
  calendar: "Calendar", year: "Year", BANK: "Bank", EXCHANGE: "Exchange",
  seeded: "Seeded from {source}", notSeeded: "Not seeded from the package (it covers {from}–{to})",
  date: "Date", kind: "Kind", name: "Name", source: "Source", updated: "Changed",
  HOLIDAY: "Holiday (closed)", WORKDAY: "Make-up workday (open)",
  count: "{n} days listed", none: "No day listed for this year.",
  add: "Add or change a day", save: "Save day", remove: "Remove", confirmRemove: "Remove {date} from the {calendar} calendar?",
  reason: "Reason", reasonHint: "Why (audited)", confirm: "Yes, remove", cancel: "Cancel",
  saved: "Saved {date}.", removed: "Removed {date}.",
} as const;
