// Where the process is in its start-up, for the readiness probe: a request must not wait for the
// runtime (migrations and the first demo seed take minutes), it must be told "not yet" at once.
export type BootPhase = "starting" | "migrating" | "seeding" | "starting-engine" | "ready" | "failed";

const g = globalThis as unknown as { __minuteDeskBootPhase?: BootPhase };

export function setBootPhase(phase: BootPhase): void {
  g.__minuteDeskBootPhase = phase;
}

export function bootPhase(): BootPhase {
  return g.__minuteDeskBootPhase ?? "starting";
}
