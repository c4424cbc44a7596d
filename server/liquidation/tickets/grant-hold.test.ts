import { describe, expect, it } from "vitest";
import { grantHold } from "./ticket-actions";

const M = Date.UTC(2026, 11, 2, 2, 0, 0); // a bar start

describe("grantHold (R6: a hold lasts to the next bar close, capped cumulatively)", () => {
  it("holds from 10 s into the minute to the close: 50 s", () => {
    expect(grantHold(M + 10_000, { holdMs: 0, holdCapMs: 300_000 })).toEqual({
      untilMs: M + 60_000,
      grantedMs: 50_000,
    });
  });
  it("stops at the cap: 30 s left of a 300 s cap", () => {
    expect(grantHold(M + 10_000, { holdMs: 270_000, holdCapMs: 300_000 })).toEqual({
      untilMs: M + 40_000,
      grantedMs: 30_000,
    });
  });
  it("grants nothing once the cap is used up", () => {
    expect(grantHold(M + 10_000, { holdMs: 300_000, holdCapMs: 300_000 }).grantedMs).toBe(0);
  });
  it("a renewal before the hold ends counts only the time beyond its end", () => {
    // held to M+40 s (cap reached earlier at 30 s); cap raised to 60 s by a manager: 20 s more, to the close
    expect(grantHold(M + 20_000, { holdMs: 30_000, holdCapMs: 60_000, heldUntil: new Date(M + 40_000) })).toEqual({
      untilMs: M + 60_000,
      grantedMs: 20_000,
    });
    expect(
      grantHold(M + 20_000, { holdMs: 50_000, holdCapMs: 300_000, heldUntil: new Date(M + 60_000) }).grantedMs,
    ).toBe(0);
  });
});
