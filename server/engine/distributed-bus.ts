// The event bus across processes (DESIGN 8, issue 14): the same EventBus, delivering locally at once
// and sending every event through a transport (Redis pub/sub, or PostgreSQL LISTEN/NOTIFY) to the other
// instances, which deliver it to their own subscribers. Each instance keeps a replay window per topic so
// a reconnecting SSE client resumes from its lastEventId on whichever instance it reaches.
import crypto from "node:crypto";
import { domainLog } from "../log";
import { createIdSource, createReplayWindow } from "./bus-replay";
import type { BusEvent, EventBus } from "./event-bus";

export interface Envelope {
  origin: string;
  topic: string;
  id: string;
  data: unknown;
}

export interface BusTransport {
  readonly name: string;
  /** Sends in publish order; delivery to the other instances keeps that order. */
  send(envelope: Envelope): void;
  /** Starts receiving (resolves once subscribed, so nothing sent after it is missed). */
  listen(onEnvelope: (envelope: Envelope) => void): Promise<void>;
  close(): Promise<void>;
}

export interface DistributedBus extends EventBus {
  readonly origin: string;
  readonly transport: string;
  since(topic: string, lastEventId: string): BusEvent[];
  close(): Promise<void>;
}

export async function createDistributedBus(transport: BusTransport, origin?: string): Promise<DistributedBus> {
  const self = origin ?? crypto.randomBytes(4).toString("hex");
  const nextId = createIdSource(self);
  const window = createReplayWindow();
  const handlers = new Map<string, Set<(event: BusEvent) => void>>();
  const deliver = (event: BusEvent) => {
    window.add(event);
    for (const h of handlers.get(event.topic) ?? []) {
      try {
        h(event);
      } catch (err) {
        domainLog("bus").error({ err, topic: event.topic }, "handler failed");
      }
    }
  };
  await transport.listen((env) => {
    if (env.origin === self) return; // delivered locally when published
    deliver({ topic: env.topic, id: env.id, data: env.data });
  });
  return {
    origin: self,
    transport: transport.name,
    publish(topic, data) {
      const event = { topic, id: nextId(topic), data };
      deliver(event);
      transport.send({ origin: self, topic, id: event.id, data });
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
        if (set.size === 0 && handlers.get(topic) === set) handlers.delete(topic);
      };
    },
    since: (topic, lastEventId) => window.since(topic, lastEventId),
    close: () => transport.close(),
  };
}
