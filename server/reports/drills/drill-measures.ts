// T3 drill response times, pure: from the real time the first bar close after the injection began
// processing to the first alert, ticket, execution and desk notification seen after the injection.
// Unseen within the observation window: null (the drill did not reach that stage).

export interface DrillObservations {
  /** Real ms when processing of the first bar close after the injection began (null: none seen). */
  firstCloseRealAt: number | null;
  firstAlertAt: number | null;
  firstTicketAt: number | null;
  firstExecutionAt: number | null;
  firstDeskEventAt: number | null;
}

export interface DrillMeasures {
  alertsMs: number | null;
  ticketsMs: number | null;
  executionsMs: number | null;
  deskNotifiedMs: number | null;
}

export const DRILL_STAGES = ["alertsMs", "ticketsMs", "executionsMs", "deskNotifiedMs"] as const;

export function measureDrill(o: DrillObservations): DrillMeasures {
  const since = (t: number | null) =>
    o.firstCloseRealAt === null || t === null ? null : Math.max(0, Math.round(t - o.firstCloseRealAt));
  return {
    alertsMs: since(o.firstAlertAt),
    ticketsMs: since(o.firstTicketAt),
    executionsMs: since(o.firstExecutionAt),
    deskNotifiedMs: since(o.firstDeskEventAt),
  };
}

/** Change of each stage against an earlier drill (negative = faster now); null when either is missing. */
export function compareDrills(now: DrillMeasures, before: DrillMeasures): DrillMeasures {
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    alertsMs: d(now.alertsMs, before.alertsMs),
    ticketsMs: d(now.ticketsMs, before.ticketsMs),
    executionsMs: d(now.executionsMs, before.executionsMs),
    deskNotifiedMs: d(now.deskNotifiedMs, before.deskNotifiedMs),
  };
}
