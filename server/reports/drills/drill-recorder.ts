// T3 drill records on the engine's instance: when ADMIN injects a drill, a DrillRecord is written
// at once (OBSERVING); alerts, liquidation tickets, executions and desk events seen on the bus in
// the following minutes are timed against the first bar close that saw the injection, and after
// the observation window the record is completed. A restart mid-drill leaves the record
// INTERRUPTED (its times were lost with the process), never half-measured as complete.
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEvent } from "../../audit/audit-service";
import type { EventBus } from "../../engine/event-bus";
import type { MarketEngine } from "../../engine/market-engine";
import { LIQUIDATION_TOPIC, type TicketBusEvent } from "../../liquidation/tickets/ticket-transition";
import { ALERT_TOPIC, type AlertEvent } from "../../market/monitoring/market-monitoring";
import { DRILL_TOPIC, type DrillStartedEvent } from "../../market/monitoring/drills";
import { DESK_EVENT_TOPIC } from "../../notify/desk-event";
import { DRILL_OBSERVE_MINUTES } from "./drill-constants";
import { measureDrill, type DrillObservations } from "./drill-measures";

const MINUTE_MS = 60_000;

interface ActiveDrill {
  id: string;
  startedRealAt: number;
  firstCloseMinuteTs: number; // start of the bar whose close first sees the injection
  observeUntilMinuteTs: number;
  obs: DrillObservations;
  counts: { alerts: number; tickets: number; executions: number; deskEvents: number };
  alertKinds: Record<string, number>;
}

export class DrillRecorder {
  private active: ActiveDrill[] = [];
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      bus: EventBus;
      engine: MarketEngine;
      speed: number;
      log: (msg: string, err: unknown) => void;
    },
  ) {}

  async start(): Promise<void> {
    // Drills that were being observed when the previous process stopped cannot be completed.
    await this.deps.prisma.drillRecord.updateMany({
      where: { status: "OBSERVING" },
      data: { status: "INTERRUPTED", completedAt: new Date() },
    });
    const { bus, engine } = this.deps;
    this.unsubscribe.push(
      bus.subscribe<DrillStartedEvent>(DRILL_TOPIC, (e) => {
        void this.begin(e.data).catch((err: unknown) => this.deps.log("drill record failed", err));
      }),
      bus.subscribe<AlertEvent>(ALERT_TOPIC, (e) => {
        if (e.data.alerts.length === 0) return;
        this.see("firstAlertAt", (d) => {
          d.counts.alerts += e.data.alerts.length;
          for (const a of e.data.alerts) d.alertKinds[a.kind] = (d.alertKinds[a.kind] ?? 0) + 1;
        });
      }),
      bus.subscribe<TicketBusEvent>(LIQUIDATION_TOPIC, (e) => {
        if (e.data.from === null) this.see("firstTicketAt", (d) => (d.counts.tickets += 1));
        if (e.data.to === "EXECUTED" || e.data.to === "PARTIALLY_FILLED")
          this.see("firstExecutionAt", (d) => (d.counts.executions += 1));
      }),
      bus.subscribe(DESK_EVENT_TOPIC, () => this.see("firstDeskEventAt", (d) => (d.counts.deskEvents += 1))),
    );
    engine.onMinuteClose(async ({ minuteTs, closedAt }) => {
      for (const d of this.active) {
        if (minuteTs === d.firstCloseMinuteTs) d.obs.firstCloseRealAt = closedAt;
        // A close later than the bar the injection fell in (the engine skipped ahead): use it.
        if (d.obs.firstCloseRealAt === null && minuteTs > d.firstCloseMinuteTs) d.obs.firstCloseRealAt = closedAt;
      }
      const done = this.active.filter((d) => minuteTs >= d.observeUntilMinuteTs);
      this.active = this.active.filter((d) => minuteTs < d.observeUntilMinuteTs);
      for (const d of done) await this.complete(d);
    }, "drill-recorder");
  }

  stop(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private see(stage: keyof Omit<DrillObservations, "firstCloseRealAt">, count: (d: ActiveDrill) => void) {
    const now = Date.now();
    for (const d of this.active) {
      if (now < d.startedRealAt) continue;
      if (d.obs[stage] === null) d.obs[stage] = now;
      count(d);
    }
  }

  private async begin(e: DrillStartedEvent): Promise<void> {
    const startedRealAt = Date.now();
    const t0 = e.result.startedAt;
    const firstCloseMinuteTs = Math.floor(t0 / MINUTE_MS) * MINUTE_MS;
    const observeUntilMinuteTs = firstCloseMinuteTs + DRILL_OBSERVE_MINUTES * MINUTE_MS;
    const row = await this.deps.prisma.drillRecord.create({
      data: {
        kind: e.input.kind,
        input: e.input as object,
        result: e.result as object,
        startedAt: new Date(t0),
        firstCloseAt: new Date(firstCloseMinuteTs + MINUTE_MS),
        observeUntil: new Date(observeUntilMinuteTs + MINUTE_MS),
        clockSpeed: this.deps.speed,
        status: "OBSERVING",
        startedById: e.actor.id,
        startedByEmail: e.actor.email,
      },
      select: { id: true },
    });
    this.active.push({
      id: row.id,
      startedRealAt,
      firstCloseMinuteTs,
      observeUntilMinuteTs,
      obs: {
        firstCloseRealAt: null,
        firstAlertAt: null,
        firstTicketAt: null,
        firstExecutionAt: null,
        firstDeskEventAt: null,
      },
      counts: { alerts: 0, tickets: 0, executions: 0, deskEvents: 0 },
      alertKinds: {},
    });
  }

  private async complete(d: ActiveDrill): Promise<void> {
    const measures = measureDrill(d.obs);
    const triggered = { ...d.counts, alertKinds: d.alertKinds, observedMinutes: DRILL_OBSERVE_MINUTES };
    await this.deps.prisma.drillRecord.update({
      where: { id: d.id },
      data: { status: "COMPLETE", measures: { ...measures }, triggered, completedAt: new Date() },
    });
    await appendAuditEvent(this.deps.prisma, {
      actorEmail: "drill-recorder",
      action: "drill.recorded",
      targetType: "DrillRecord",
      targetId: d.id,
      after: { measures, triggered },
    });
  }
}
