// What pages from the engine, the feed supervisor and liquidation tickets.
import { describe, expect, it } from "vitest";
import { observeEngine, ticketToDeskEvent } from "./event-sources";

const MIN = 60_000;
const T = Date.parse("2026-12-03T02:00:00Z");
const feed = (stale: boolean[]) => ({
  activeSource: "sim-b",
  sources: stale.map((s, i) => ({
    role: (i === 0 ? "primary" : "secondary") as "primary" | "secondary",
    id: `sim-${i}`,
    kind: "simulator",
    stale: s,
    lastAliveAt: null,
    ticks: 0,
    errors: 0,
    problem: null,
  })),
});

describe("ticket events", () => {
  it("a hard-floor ticket opening pages (critical, keyed by ticket, linked to the account); others do not", () => {
    const base = {
      eventId: 1,
      ticketId: "tk1",
      accountId: "A-17",
      from: null,
      to: "OPEN" as const,
      actor: "engine",
      ts: T,
    };
    expect(ticketToDeskEvent({ ...base, kind: "OPEN", urgency: "HARD_FLOOR" })).toMatchObject({
      kind: "liquidation.hardFloor",
      severity: "CRITICAL",
      key: "ticket:tk1",
      link: "/accounts/A-17",
    });
    expect(ticketToDeskEvent({ ...base, kind: "OPEN", urgency: "LIQUIDATION" })).toBeNull();
    expect(ticketToDeskEvent({ ...base, kind: "EXECUTE", urgency: "HARD_FLOOR" })).toBeNull();
    // A liquidation ticket whose account fell to the hard floor is re-planned, not reopened: it pages,
    // under the same key, so repeats join the incident.
    expect(ticketToDeskEvent({ ...base, kind: "REPLAN", urgency: "HARD_FLOOR" })).toMatchObject({
      key: "ticket:tk1",
      accountId: "A-17",
      title: "Hard floor: {account}",
    });
    expect(ticketToDeskEvent({ ...base, kind: "REPLAN", urgency: "LIQUIDATION" })).toBeNull();
  });
});

describe("engine and feed observation", () => {
  const running = { running: true, simTime: T, lastClosedMinuteTs: T - 2 * MIN, runningSince: T - 60 * MIN };

  it("a failover pages once the count rises (not on the first look); all sources stale is critical", () => {
    const state = { failovers: null as number | null };
    expect(observeEngine(state, running, feed([false, false]), 3)).toEqual([]);
    expect(observeEngine(state, running, feed([true, false]), 4).map((e) => e.kind)).toEqual(["feed.failover"]);
    expect(observeEngine(state, running, feed([true, false]), 4)).toEqual([]);
    expect(observeEngine(state, running, feed([true, true]), 4).map((e) => [e.kind, e.severity])).toEqual([
      ["feed.allStale", "CRITICAL"],
    ]);
  });

  it("engine behind: the last close (minute start + 1 min) more than 2 minutes ago; a stopped engine never pages", () => {
    const state = { failovers: 0 };
    // Last closed minute started at T-4m, so it closed at T-3m: 3 minutes > 2 -> behind.
    const behind = { ...running, lastClosedMinuteTs: T - 4 * MIN };
    expect(observeEngine(state, behind, feed([false]), 0).map((e) => e.kind)).toEqual(["engine.behind"]);
    // Closed at T-2m exactly: not yet.
    expect(observeEngine(state, { ...running, lastClosedMinuteTs: T - 3 * MIN }, feed([false]), 0)).toEqual([]);
    expect(observeEngine(state, { ...behind, running: false }, feed([true]), 0)).toEqual([]);
  });
});
