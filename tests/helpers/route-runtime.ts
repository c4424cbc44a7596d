// Route handlers under app/ call getRuntime(); integration tests install a runtime built on their
// own test database (no engine, no seeding) so the handlers can be called with new Request(...).
import type { Database } from "@/server/db/connection";
import { createInProcessBus } from "@/server/engine/event-bus";
import type { Runtime, Services } from "@/server/runtime";
import { testServices } from "./services";

const holder = globalThis as unknown as { __minuteDesk?: Promise<Runtime> };

/**
 * `env`: the validated settings the routes read from the runtime (none by default); `services`:
 * the domains' services the routes under test use (see testServices).
 */
export function installTestRuntime(
  db: Database,
  env: Partial<Runtime["env"]> = {},
  services: Partial<Services> = {},
): () => void {
  const bus = createInProcessBus();
  const rt = {
    env: env as Runtime["env"],
    demo: true,
    dataDir: "",
    db,
    bus,
    clock: { now: () => Date.now() } as unknown as Runtime["clock"],
    engine: null,
    leader: null,
    fence: null,
    services: testServices(db, { bus, ...services }),
    stopDomains: () => Promise.resolve(),
    startedAt: Date.now(),
  } satisfies Runtime;
  holder.__minuteDesk = Promise.resolve(rt);
  return () => {
    holder.__minuteDesk = undefined;
  };
}
