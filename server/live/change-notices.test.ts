// The change stream: which scope a bus event becomes, who hears it, folding of repeats, the end on
// abort, and the topic names it listens to against the modules that publish them.
import { describe, expect, it } from "vitest";
import { createInProcessBus } from "../engine/event-bus";
import { MINUTE_TOPIC } from "../engine/market-engine";
import { LIQUIDATION_FREEZE_TOPIC } from "../liquidation/liquidation-desk";
import { ALERT_TOPIC } from "../market/monitoring/market-monitoring";
import { DESK_EVENT_TOPIC } from "../notify/desk-event";
import { RISK_TICK_TOPIC } from "../risk/engine/risk-engine";
import { announceMutation, CHANGE_TOPIC, mayHear, streamChangeNotices, TOPIC_SCOPES } from "./change-notices";

async function take(it: AsyncIterator<{ scope: string }>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value.scope);
  }
  return out;
}

describe("change notices", () => {
  it("listen to the topics their owners publish", () => {
    expect(TOPIC_SCOPES.map(([topic]) => topic).sort()).toEqual(
      [RISK_TICK_TOPIC, MINUTE_TOPIC, ALERT_TOPIC, DESK_EVENT_TOPIC, LIQUIDATION_FREEZE_TOPIC].sort(),
    );
  });

  it("name the router of a mutation, and not a person's own sign-in steps", () => {
    const bus = createInProcessBus();
    const heard: unknown[] = [];
    bus.subscribe(CHANGE_TOPIC, (e) => heard.push(e.data));
    announceMutation(bus, "payments.approveWithdrawal");
    announceMutation(bus, "auth.stepUp");
    announceMutation(bus, "surveillance.cases.assign");
    expect(heard).toEqual([{ scope: "payments" }, { scope: "surveillance" }]);
  });

  it("reach only roles that may view the area (ADMIN sees no risk figures, RISK no surveillance)", () => {
    expect(mayHear({ role: "ADMIN" }, "tick")).toBe(false);
    expect(mayHear({ role: "RISK" }, "tick")).toBe(true);
    expect(mayHear({ role: "RISK" }, "surveillance")).toBe(false);
    expect(mayHear({ role: "COMPLIANCE" }, "surveillance")).toBe(true);
    expect(mayHear({ role: "AUDITOR" }, "minute")).toBe(true);
  });

  it("stream bus events as scopes, fold repeats that wait, filter by role and end on abort", async () => {
    const bus = createInProcessBus();
    const ac = new AbortController();
    const it = streamChangeNotices(bus, { role: "RISK" }, ac.signal);
    // Published before the first read: waiting notices of one scope are sent once.
    bus.publish(RISK_TICK_TOPIC, { minuteTs: 0 });
    bus.publish(RISK_TICK_TOPIC, { minuteTs: 60_000 });
    bus.publish(CHANGE_TOPIC, { scope: "surveillance" }); // not for RISK
    bus.publish(CHANGE_TOPIC, { scope: "payments" });
    bus.publish(MINUTE_TOPIC, { minuteTs: 0 });
    expect(await take(it, 3)).toEqual(["tick", "payments", "minute"]);
    const next = it.next();
    bus.publish(DESK_EVENT_TOPIC, { kind: "feed.failover" });
    expect((await next).value).toEqual({ scope: "desk" });
    const pending = it.next();
    ac.abort();
    expect((await pending).done).toBe(true);
  });
});
