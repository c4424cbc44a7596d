// Transports of the distributed event bus (issue 14): Redis pub/sub when REDIS_URL is set, else
// PostgreSQL LISTEN/NOTIFY when DATABASE_URL is PostgreSQL. Each uses one connection to send (so the
// order of publication is the order of delivery) and one to listen. A channel namespace (BUS_NAMESPACE)
// keeps several deployments, or tests, on one server apart.
import { Redis } from "ioredis";
import pg from "pg";
import { domainLog } from "../log";
import type { BusTransport, Envelope } from "./distributed-bus";

/** NOTIFY payloads are limited to 8,000 bytes; larger events cannot cross instances this way. */
const NOTIFY_MAX_BYTES = 7_900;

export function redisTransport(url: string, namespace: string): BusTransport {
  const channel = `${namespace}:bus`;
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  const sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  for (const c of [pub, sub]) c.on("error", (err) => domainLog("bus").warn({ err }, "redis connection error"));
  return {
    name: "redis",
    send(envelope) {
      void pub.publish(channel, JSON.stringify(envelope)).catch((err: unknown) => {
        domainLog("bus").error({ err, topic: envelope.topic }, "redis publish failed");
      });
    },
    async listen(onEnvelope) {
      sub.on("message", (ch: string, message: string) => {
        if (ch === channel) onEnvelope(JSON.parse(message) as Envelope);
      });
      await sub.subscribe(channel);
    },
    async close() {
      sub.disconnect();
      await pub.quit().catch(() => undefined);
    },
  };
}

export function postgresTransport(url: string, namespace: string): BusTransport {
  // A channel name is an identifier: keep it to safe characters.
  const channel = `bus_${namespace.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 63);
  const pub = new pg.Client({ connectionString: url });
  const sub = new pg.Client({ connectionString: url });
  for (const c of [pub, sub]) c.on("error", (err) => domainLog("bus").warn({ err }, "notify connection error"));
  const pubReady = pub.connect();
  let sending: Promise<unknown> = pubReady;
  return {
    name: "postgres-notify",
    send(envelope) {
      const payload = JSON.stringify(envelope);
      if (Buffer.byteLength(payload) > NOTIFY_MAX_BYTES) {
        domainLog("bus").warn({ topic: envelope.topic, bytes: payload.length }, "event too large for NOTIFY");
        return;
      }
      // One connection, chained: NOTIFYs commit, and are delivered, in publication order.
      sending = sending
        .then(() => pub.query("SELECT pg_notify($1, $2)", [channel, payload]))
        .catch((err: unknown) => domainLog("bus").error({ err, topic: envelope.topic }, "NOTIFY failed"));
    },
    async listen(onEnvelope) {
      await sub.connect();
      sub.on("notification", (n) => {
        if (n.channel === channel && n.payload) onEnvelope(JSON.parse(n.payload) as Envelope);
      });
      await sub.query(`LISTEN "${channel}"`);
      await pubReady;
    },
    async close() {
      await sending;
      await Promise.all([pub.end().catch(() => undefined), sub.end().catch(() => undefined)]);
    },
  };
}
