// The desk's live book status: the last tick's counts per status at once, then every new tick
// from the bus ("risk:tick"), over SSE; a reconnect resumes from lastEventId (issue 14).
import type { EventBus, StreamEvent } from "../engine/event-bus";
import { resumeTopic } from "../engine/resume-topic";
import { RISK_TICK_TOPIC, type RiskTickEvent } from "./engine/risk-engine";
import { getLiveEngine, type RiskReadDeps } from "./live-book";

export async function* streamRiskTicks(
  deps: RiskReadDeps & { bus: EventBus },
  signal: AbortSignal | undefined,
  lastEventId?: string | null,
): AsyncGenerator<StreamEvent<RiskTickEvent>> {
  // A reconnecting client (lastEventId = a bus id) gets the ticks it missed from the replay window;
  // a new one gets the last tick as a snapshot first (its id ends in "-s": never a resume point).
  const resuming = !!lastEventId && !lastEventId.endsWith("-s");
  const events = resumeTopic<RiskTickEvent>(deps.bus, RISK_TICK_TOPIC, resuming ? lastEventId : null, signal);
  try {
    if (!resuming) {
      const last = (await getLiveEngine(deps)).lastTick();
      if (last) yield { id: `${last.minuteTs}-s`, data: last };
    }
    for await (const e of events) yield { id: e.id, data: e.data };
  } finally {
    events.close();
  }
}
