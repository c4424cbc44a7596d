// Event ids and the replay window of the event bus (issue 14). Every event carries an id that grows
// per topic: "<ms>-<seq>-<origin>" (ms never goes back for a topic on its publisher, seq counts that
// topic's events on it, origin names the publishing bus). Each instance keeps the last events of every
// topic in arrival order, so an SSE client that reconnects with lastEventId gets exactly the ones it
// missed: no gap, no duplicate.
/** The shape of a bus event (event-bus.ts; structural here so the two files do not import each other). */
interface BusEvent {
  topic: string;
  id: string;
  data: unknown;
}

/** Per topic: two minutes of forming-bar updates, or two hours of minute ticks. */
export const REPLAY_WINDOW = 240;

/** Assigns ids on one publisher: per topic, increasing even if the wall clock steps back. */
export function createIdSource(origin: string): (topic: string) => string {
  const last = new Map<string, { ms: number; seq: number }>();
  return (topic) => {
    const prev = last.get(topic) ?? { ms: 0, seq: 0 };
    const next = { ms: Math.max(Date.now(), prev.ms), seq: prev.seq + 1 };
    last.set(topic, next);
    return `${next.ms}-${next.seq}-${origin}`;
  };
}

/** Orders two ids of one topic: by time, then sequence (ids of different publishers interleave by time). */
export function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split("-").map(Number);
  const [bm = 0, bs = 0] = b.split("-").map(Number);
  return am !== bm ? am - bm : as - bs;
}

export interface ReplayWindow<E extends BusEvent = BusEvent> {
  add(event: E): void;
  /** Events of the topic after lastEventId, in arrival order; all kept ones when the id is unknown and older. */
  since(topic: string, lastEventId: string): E[];
}

export function createReplayWindow<E extends BusEvent = BusEvent>(size = REPLAY_WINDOW): ReplayWindow<E> {
  const topics = new Map<string, E[]>();
  return {
    add(event) {
      let list = topics.get(event.topic);
      if (!list) {
        list = [];
        topics.set(event.topic, list);
      }
      list.push(event);
      if (list.length > size) list.splice(0, list.length - size);
    },
    since(topic, lastEventId) {
      const list = topics.get(topic) ?? [];
      const at = list.findIndex((e) => e.id === lastEventId);
      if (at >= 0) return list.slice(at + 1);
      return list.filter((e) => compareIds(e.id, lastEventId) > 0);
    },
  };
}
