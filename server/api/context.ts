// The tRPC context: who is calling (resolved per request, re-checked against the database) and
// the services' dependencies. Tests build the same shape directly (see tests/helpers).
import type { SqlDriver } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import type { EventBus } from "../engine/event-bus";
import type { MarketEngine } from "../engine/market-engine";
import type { SessionUser } from "../auth/sign-in";
import type { Services } from "../runtime";

export interface Context {
  user: SessionUser | null;
  prisma: PrismaClient;
  sql: SqlDriver;
  bus: EventBus;
  engine: MarketEngine | null;
  dbKind: "pglite" | "postgres";
  /** The domains' services, built by the composition root (server/runtime.ts). */
  services: Services;
  ip: string | null;
  /** How often open streams re-check the caller's session (default 10 s; tests shorten it). */
  sessionRecheckMs?: number;
}
