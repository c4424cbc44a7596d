// A live stream that resumes (issue 14): subscribes first, then replays from the bus's window the
// events after the client's lastEventId, then the live ones, skipping any event already replayed (it
// can arrive both ways in the moment between subscribing and reading the window). No gap, no duplicate.
import { iterateTopic, type BusEvent, type EventBus } from "./event-bus";

/** Subscribes at once (like iterateTopic), so nothing published while the caller sends a snapshot is lost. */
export function resumeTopic<T>(
  bus: EventBus,
  topic: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<BusEvent<T>> & { close(): void } {
  const events = iterateTopic<T>(bus, topic, signal);
  async function* run(): AsyncGenerator<BusEvent<T>> {
    try {
      const replayed = new Set<string>();
      if (lastEventId && bus.since) {
        for (const e of bus.since(topic, lastEventId)) {
          replayed.add(e.id);
          yield e as BusEvent<T>;
        }
      }
      for await (const e of events) {
        if (replayed.has(e.id)) continue;
        yield e;
      }
    } finally {
      events.close();
    }
  }
  return Object.assign(run(), { close: events.close });
}
