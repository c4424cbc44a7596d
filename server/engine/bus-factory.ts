// Chooses the event bus for this process (issue 14): Redis pub/sub when REDIS_URL is set; PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is PostgreSQL and no REDIS_URL; in-process otherwise (the embedded
// PGlite default has one process).
import { postgresTransport, redisTransport } from "./bus-transports";
import { createDistributedBus } from "./distributed-bus";
import { createInProcessBus, type EventBus } from "./event-bus";

export interface BusChoice {
  bus: EventBus;
  transport: "redis" | "postgres-notify" | "in-process";
  close(): Promise<void>;
}

export async function createBusFor(env: {
  REDIS_URL?: string;
  DATABASE_URL?: string;
  BUS_NAMESPACE: string;
  INSTANCE_NAME?: string;
}): Promise<BusChoice> {
  if (env.REDIS_URL || env.DATABASE_URL) {
    const transport = env.REDIS_URL
      ? redisTransport(env.REDIS_URL, env.BUS_NAMESPACE)
      : postgresTransport(env.DATABASE_URL ?? "", env.BUS_NAMESPACE);
    const bus = await createDistributedBus(transport);
    return { bus, transport: env.REDIS_URL ? "redis" : "postgres-notify", close: () => bus.close() };
  }
  return { bus: createInProcessBus(), transport: "in-process", close: async () => undefined };
}
