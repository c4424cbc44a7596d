// The event bus between the engine and the web layer (DESIGN 8). In-process by default; a
// Redis or LISTEN/NOTIFY implementation of the same interface serves several web instances.
import { metrics, topicFamily } from "../metrics/registry";
import { domainLog } from "../log";
import { createReplayWindow } from "./bus-replay";

export interface BusEvent<T = unknown> {
  topic: string;
  id: string; // monotonically increasing per bus, used as the SSE event id
  data: T;
}

/**
 * One event of a live stream with the id a reconnecting client resumes from. Domain streams yield
 * these; the tRPC routers turn them into tracked SSE events (trackEach in server/api/tracked.ts),
 * so no domain depends on @trpc/server.
 */
export interface StreamEvent<T> {
  id: string;
  data: T;
}

/** A passing notice on a stream that a reconnecting client does not resume from (sent untracked). */
export interface StreamNotice<T> {
  id: null;
  data: T;
}

export interface EventBus {
  publish<T>(topic: string, data: T): BusEvent<T>;
  subscribe<T>(topic: string, handler: (event: BusEvent<T>) => void): () => void;
  /** The kept events of a topic after lastEventId (replay window), for streams that resume. */
  since?(topic: string, lastEventId: string): BusEvent[];
}

export function createInProcessBus(): EventBus {
  const handlers = new Map<string, Set<(event: BusEvent) => void>>();
  const window = createReplayWindow();
  let seq = 0;
  return {
    since: (topic, lastEventId) => window.since(topic, lastEventId),
    publish(topic, data) {
      seq += 1;
      const event = { topic, id: `${Date.now()}-${seq}`, data };
      window.add(event);
      const set = handlers.get(topic);
      if (set) {
        for (const h of set) {
          try {
            h(event);
          } catch (err) {
            domainLog("bus").error({ err, topic }, "handler failed");
          }
        }
      }
      return event;
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      const h = handler as (event: BusEvent) => void;
      set.add(h);
      return () => {
        set.delete(h);
        // Idempotent: a second call must not drop a newer set registered under the same topic.
        if (set.size === 0 && handlers.get(topic) === set) handlers.delete(topic);
      };
    },
  };
}

/**
 * Turns bus events into an async iterator for a tRPC subscription. Subscribes at once (so no event
 * published after this call is lost while the caller sends its snapshot), buffers boundedly (a
 * slow client drops the oldest, never blocks the engine), and ends on abort.
 */
export function iterateTopic<T>(
  bus: EventBus,
  topic: string,
  signal: AbortSignal | undefined,
  maxBuffer = 500,
): AsyncGenerator<BusEvent<T>> & { close(): void } {
  const queue: BusEvent<T>[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const unsubscribe = bus.subscribe<T>(topic, (e) => {
    queue.push(e);
    if (queue.length > maxBuffer) queue.shift();
    wake?.();
  });
  const clients = metrics().sseClients.labels(topicFamily(topic));
  clients.inc();
  // Releases the subscription even when the iterator was never started (abort or close()).
  const close = () => {
    if (closed) return;
    closed = true;
    clients.dec();
    unsubscribe();
    signal?.removeEventListener("abort", close);
    wake?.();
  };
  signal?.addEventListener("abort", close);
  if (signal?.aborted) close();
  async function* run(): AsyncGenerator<BusEvent<T>> {
    try {
      while (!closed) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    } finally {
      close();
    }
  }
  return Object.assign(run(), { close });
}
