// The desk's live book status: the last tick's counts per status at once, then every new tick
// from the bus ("risk:tick"), over SSE.
import { tracked } from "@trpc/server";
import { iterateTopic, type EventBus } from "../engine/event-bus";
import { RISK_TICK_TOPIC, type RiskTickEvent } from "./engine/risk-engine";
import { getLiveEngine, type RiskReadDeps } from "./live-book";

export async function* streamRiskTicks(deps: RiskReadDeps & { bus: EventBus }, signal: AbortSignal | undefined) {
  const events = iterateTopic<RiskTickEvent>(deps.bus, RISK_TICK_TOPIC, signal);
  try {
    const last = (await getLiveEngine(deps)).lastTick();
    if (last) yield tracked(`${last.minuteTs}-s`, last);
    for await (const e of events) yield tracked(`${e.data.minuteTs}-${e.id}`, e.data);
  } finally {
    events.close();
  }
}
