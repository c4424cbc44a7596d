// In-memory domain services that live as long as the process (owned by the runtime, filled by
// the domain plugins at start) and that tRPC procedures and other domains may use. Each domain
// adds its own optional field; tests pass the ones they need.
import type { EventBus } from "./engine/event-bus";

/** Per-symbol volatility for the margin model (M4 EWMA of 1m log returns, per minute). */
export interface VolatilitySource {
  sigma(symbol: string): number | undefined;
}

export interface Services {
  bus?: EventBus;
  /** Set by the market monitoring plugin (issue 3). */
  volatility?: VolatilitySource;
  // market monitoring (issue 3): add fields below this line

  // risk engine (issue 4): add fields below this line

  // payments (issue 5): add fields below this line
}
