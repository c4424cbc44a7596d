// The domains' services for tests. A test context stands for an ENGINE=off instance that has not
// ticked yet: no liquidation desk, no account with live figures, and the risk book read from the
// test database at each use. Every other service (monitoring, on-call, surveillance) is what the
// test hands in; using one it did not is a loud error naming it, never a silent default.
import type { Database } from "@/server/db/connection";
import { createInProcessBus } from "@/server/engine/event-bus";
import { loadRiskBook, NO_SYMBOL_OVERRIDES, OWN_VOLATILITY } from "@/server/risk/live-book";
import { loadRecentBars } from "@/server/market/bar-store";
import { HotBars } from "@/server/market/hot-bars";
import type { Services } from "@/server/runtime";

export function testServices(db: Database, given: Partial<Services> = {}): Services {
  const defaults: Partial<Services> = {
    bus: createInProcessBus(),
    liveRisk: () => loadRiskBook(db.prisma, db.sql, { volatility: OWN_VOLATILITY, overrides: NO_SYMBOL_OVERRIDES }),
    accountRisk: { snapshot: () => undefined },
    liquidation: null,
  };
  const provided: Partial<Services> = { ...defaults, ...given };
  // Each test context's own window over the test database, following the context's bus.
  provided.hotBars ??= new HotBars(provided.bus ?? createInProcessBus(), (symbol, limit, before) =>
    loadRecentBars(db.sql, symbol, limit, before),
  );
  return new Proxy(provided, {
    get(target, key, receiver) {
      if (typeof key === "string" && !Object.hasOwn(target, key) && key !== "then" && key !== "toJSON")
        throw new Error(`this test gave its context no services.${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  }) as Services;
}
