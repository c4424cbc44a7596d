// T3 response times worked by hand: the first close began processing at t = 1,000 ms; the first
// alert arrived at 1,180, the first ticket at 1,950, no execution, the desk heard at 2,400.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDrills, measureDrill } from "./drill-measures";

describe("drill measures", () => {
  it("times each stage from the first bar close; a stage not seen is null", () => {
    expect(
      measureDrill({
        firstCloseRealAt: 1_000,
        firstAlertAt: 1_180,
        firstTicketAt: 1_950,
        firstExecutionAt: null,
        firstDeskEventAt: 2_400,
      }),
    ).toEqual({ alertsMs: 180, ticketsMs: 950, executionsMs: null, deskNotifiedMs: 1_400 });
  });

  it("has no times at all when no bar close was seen", () => {
    expect(
      measureDrill({
        firstCloseRealAt: null,
        firstAlertAt: 5,
        firstTicketAt: 6,
        firstExecutionAt: 7,
        firstDeskEventAt: 8,
      }),
    ).toEqual({ alertsMs: null, ticketsMs: null, executionsMs: null, deskNotifiedMs: null });
  });

  it("compares with the previous drill: 180 ms now against 300 ms before is -120 ms", () => {
    const now = { alertsMs: 180, ticketsMs: 950, executionsMs: null, deskNotifiedMs: 1_400 };
    const before = { alertsMs: 300, ticketsMs: 900, executionsMs: 5_000, deskNotifiedMs: null };
    expect(compareDrills(now, before)).toEqual({
      alertsMs: -120,
      ticketsMs: 50,
      executionsMs: null,
      deskNotifiedMs: null,
    });
  });

  it("never reports a negative response time", () => {
    const t = fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null });
    fc.assert(
      fc.property(t, t, t, t, t, (c, a, k, e, d) => {
        const m = measureDrill({
          firstCloseRealAt: c,
          firstAlertAt: a,
          firstTicketAt: k,
          firstExecutionAt: e,
          firstDeskEventAt: d,
        });
        for (const v of Object.values(m)) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
