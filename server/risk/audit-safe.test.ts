import { describe, expect, it } from "vitest";
import { roundForAudit } from "./audit-safe";

describe("roundForAudit", () => {
  it("keeps 12 significant digits at every depth and leaves other values alone", () => {
    expect(roundForAudit({ a: 1.2345678901234567, b: [0.30000000000000004, "x", null], c: { d: 812398.0699999998 }, e: 3 })).toEqual({
      a: 1.23456789012, b: [0.3, "x", null], c: { d: 812398.07 }, e: 3,
    });
    expect(roundForAudit(Number.NaN)).toBeNull();
  });
});
