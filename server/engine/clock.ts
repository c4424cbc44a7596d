// The engine clock: real time by default; accelerated (CLOCK_SPEED > 1) for tests and demos, so
// that a simulated minute passes in 60/speed real seconds. Simulated time starts at real "now".
export interface Clock {
  readonly speed: number;
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Real milliseconds until simulated time reaches ts. */
  realDelayUntil(ts: number): number;
}

export function createClock(speed: number, realNow: () => number = Date.now): Clock {
  const origin = realNow();
  return {
    speed,
    now: () => origin + (realNow() - origin) * speed,
    realDelayUntil(ts) {
      return Math.max(0, (ts - (origin + (realNow() - origin) * speed)) / speed);
    },
  };
}
