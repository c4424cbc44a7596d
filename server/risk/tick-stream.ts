// The desk's live book status: the last tick's counts per status at once, then every new tick
// from the bus ("risk:tick"), over SSE.
import { iterateTopic, type EventBus, type StreamEvent } from "../engine/event-bus";
import { RISK_TICK_TOPIC, type RiskTickEvent } from "./engine/risk-engine";
import { getLiveEngine, type RiskReadDeps } from "./live-book";

export async function* streamRiskTicks(
  deps: RiskReadDeps & { bus: EventBus },
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEvent<RiskTickEvent>> {
  const events = iterateTopic<RiskTickEvent>(deps.bus, RISK_TICK_TOPIC, signal);
  try {
    const last = (await getLiveEngine(deps)).lastTick();
    if (last) yield { id: `${last.minuteTs}-s`, data: last };
    for await (const e of events) yield { id: `${e.data.minuteTs}-${e.id}`, data: e.data };
  } finally {
    events.close();
  }
}
