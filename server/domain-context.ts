// What every domain receives from the composition root (server/runtime.ts) when it starts. It
// names only infrastructure (configuration, database, bus, clock, engine), never a domain, so the
// domains depend on it and the runtime depends on the domains, not the other way round.
import type { SqlDriver } from "./db/connection";
import type { PrismaClient } from "./db/generated/client";
import type { Clock } from "./engine/clock";
import type { EventBus } from "./engine/event-bus";
import type { MarketEngine } from "./engine/market-engine";
import type { Env } from "./env";

export interface DomainContext {
  env: Env;
  demo: boolean;
  prisma: PrismaClient;
  sql: SqlDriver;
  bus: EventBus;
  clock: Clock;
  /** null when ENGINE=off; a domain then serves reads only. */
  engine: MarketEngine | null;
}

/** A started domain: what it hands to the others and to the routers, and how it stops. */
export interface StartedDomain<S> {
  services: S;
  /** Stops timers and waits for work in flight; called in reverse start order. */
  stop(): Promise<void>;
}

/** Demo mode, first start of the domain: its demo data, after the core demo book is in place. */
export type DemoSeeder = (prisma: PrismaClient, opts: { seed: number; now: number }) => Promise<void>;
