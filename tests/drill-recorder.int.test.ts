// The drill recorder (T3) against a real database and bus: a drill's record is written at once,
// each stage is timed from the first bar close that saw the injection (real milliseconds worked by
// hand below), the record completes after the observation window with an audit event, and a
// restart leaves a drill that was still being observed INTERRUPTED rather than half-measured.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { createInProcessBus, type EventBus } from "@/server/engine/event-bus";
import type { MarketEngine, MinuteCloseHook } from "@/server/engine/market-engine";
import { LIQUIDATION_TOPIC, type TicketBusEvent } from "@/server/liquidation/tickets/ticket-transition";
import { DRILL_TOPIC, type DrillStartedEvent } from "@/server/market/monitoring/drills";
import { ALERT_TOPIC, type AlertEvent } from "@/server/market/monitoring/market-monitoring";
import type { AlertDto } from "@/server/market/monitoring/alert-store";
import { DESK_EVENT_TOPIC } from "@/server/notify/desk-event";
import { DrillRecorder } from "@/server/reports/drills/drill-recorder";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const MIN = 60_000;
const T0 = Date.parse("2026-12-02T02:00:30Z"); // engine time of the injection
const M0 = Date.parse("2026-12-02T02:00:00Z"); // the bar it falls in
const R = Date.parse("2026-12-02T10:00:00Z"); // real time at the injection

function fakeEngine() {
  const hooks: MinuteCloseHook[] = [];
  const engine = { onMinuteClose: (h: MinuteCloseHook) => void hooks.push(h) } as unknown as MarketEngine;
  const close = async (minuteTs: number, closedAt: number) => {
    for (const h of hooks) await h({ minuteTs, bars: [], closedAt });
  };
  return { engine, close };
}

const drill: DrillStartedEvent = {
  input: { kind: "SECTOR_GAP", sector: "证券", magnitude: 0.25 },
  result: { kind: "SECTOR_GAP", symbols: ["600030.SH"], returnPct: -25, startedAt: T0, recoveryMinutes: 30 },
  actor: { id: "admin-1", email: "admin@demo.local" },
};

const alert = (kind: string) => ({ id: kind, symbol: "600030.SH", kind }) as unknown as AlertDto;
const ticket = (from: TicketBusEvent["from"], to: TicketBusEvent["to"]): TicketBusEvent => ({
  eventId: 1,
  ticketId: "t1",
  accountId: "a1",
  kind: "OPEN",
  from,
  to,
  urgency: "LIQUIDATION",
  actor: "engine",
  ts: T0 + MIN,
});

describe.each(BACKENDS)("drill recorder (%s)", (kind) => {
  let t: TestDatabase;
  let bus: EventBus;
  let recorder: DrillRecorder | undefined;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    bus = createInProcessBus();
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(async () => {
    recorder?.stop();
    vi.useRealTimers();
    await t.drop();
  });

  it("times each stage from the first bar close and completes after the observation window, audited", async () => {
    const { engine, close } = fakeEngine();
    const errors: unknown[] = [];
    recorder = new DrillRecorder({ prisma: t.db.prisma, bus, engine, speed: 30, log: (_m, e) => errors.push(e) });
    await recorder.start();
    // A ticket before any drill is nobody's response.
    bus.publish(LIQUIDATION_TOPIC, ticket(null, "OPEN"));

    vi.setSystemTime(R);
    bus.publish(DRILL_TOPIC, drill);
    await vi.waitFor(async () => expect(await t.db.prisma.drillRecord.count()).toBe(1));
    const row = await t.db.prisma.drillRecord.findFirstOrThrow();
    expect(row.status).toBe("OBSERVING");
    expect(row.startedAt.toISOString()).toBe("2026-12-02T02:00:30.000Z");
    expect(row.firstCloseAt.toISOString()).toBe("2026-12-02T02:01:00.000Z");
    expect(row.observeUntil.toISOString()).toBe("2026-12-02T02:11:00.000Z");

    await close(M0, R + 200); // the bar close that first sees the injection began at R+200
    vi.setSystemTime(R + 450);
    bus.publish<AlertEvent>(ALERT_TOPIC, {
      minuteTs: M0,
      alerts: [alert("CUSUM"), alert("CUSUM"), alert("GAP")],
      actions: [],
      latencyMs: 0,
    });
    vi.setSystemTime(R + 1_200);
    bus.publish(LIQUIDATION_TOPIC, ticket(null, "OPEN"));
    vi.setSystemTime(R + 1_500);
    bus.publish(DESK_EVENT_TOPIC, { kind: "liquidation.hardFloor" });
    vi.setSystemTime(R + 5_200);
    bus.publish(LIQUIDATION_TOPIC, ticket("EXECUTING", "EXECUTED"));
    vi.setSystemTime(R + 6_000);
    bus.publish(LIQUIDATION_TOPIC, ticket(null, "OPEN"));

    await close(M0 + 5 * MIN, R + 10_000);
    expect((await t.db.prisma.drillRecord.findFirstOrThrow()).status).toBe("OBSERVING");
    await close(M0 + 10 * MIN, R + 20_000); // the tenth minute after the first close ends the window

    const done = await t.db.prisma.drillRecord.findFirstOrThrow();
    expect(done.status).toBe("COMPLETE");
    expect(done.measures).toEqual({ alertsMs: 250, ticketsMs: 1_000, executionsMs: 5_000, deskNotifiedMs: 1_300 });
    expect(done.triggered).toEqual({
      alerts: 3,
      tickets: 2,
      executions: 1,
      deskEvents: 1,
      alertKinds: { CUSUM: 2, GAP: 1 },
      observedMinutes: 10,
    });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: "drill.recorded" } });
    expect(audit.map((a) => a.targetId)).toEqual([done.id]);
    expect((await verifyAuditChain(t.db.prisma)).ok).toBe(true);
    expect(errors).toEqual([]);
  });

  it("a drill that was being observed when the process stopped is INTERRUPTED at the next start", async () => {
    const first = fakeEngine();
    vi.setSystemTime(R);
    recorder = new DrillRecorder({ prisma: t.db.prisma, bus, engine: first.engine, speed: 30, log: () => {} });
    await recorder.start();
    bus.publish(DRILL_TOPIC, drill);
    await vi.waitFor(async () => expect(await t.db.prisma.drillRecord.count()).toBe(1));
    recorder.stop(); // the process ends mid-window

    const second = fakeEngine();
    recorder = new DrillRecorder({ prisma: t.db.prisma, bus, engine: second.engine, speed: 30, log: () => {} });
    await recorder.start();
    const row = await t.db.prisma.drillRecord.findFirstOrThrow();
    expect(row.status).toBe("INTERRUPTED");
    expect(row.measures).toBeNull();
    // The new process's closes never complete the old drill.
    await second.close(M0 + 10 * MIN, R + 20_000);
    expect((await t.db.prisma.drillRecord.findFirstOrThrow()).status).toBe("INTERRUPTED");
  });
});
