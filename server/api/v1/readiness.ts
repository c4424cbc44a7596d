// GET /api/v1/health/ready (no auth): 200 when this instance can serve the desk, 503 while it
// migrates or seeds, when its database does not answer, or when its engine (the leader's) is
// behind: the last minute close ended more than 2 simulated minutes ago.
import type { BootPhase } from "../../boot-phase";
import type { EngineStatus } from "../../engine/market-engine";

export const BEHIND_AFTER_MS = 2 * 60_000;

export interface ReadinessInput {
  phase: BootPhase;
  dbOk: boolean;
  leader: boolean;
  engine: EngineStatus | null;
}

export interface Readiness {
  ready: boolean;
  reason: "ok" | "starting" | "migrating" | "seeding" | "starting-engine" | "failed" | "database" | "engine-behind";
  phase: BootPhase;
  engine: { leader: boolean; lastClosedMinute: string | null; behindSeconds: number | null };
}

export function assessReadiness(input: ReadinessInput): Readiness {
  const e = input.engine;
  const since = e ? (e.lastClosedMinuteTs !== null ? e.lastClosedMinuteTs + 60_000 : e.runningSince) : null;
  // The leader must be closing minutes (a leader whose engine stopped is behind too); a standby
  // or a web-only instance does not tick and is judged by its database alone.
  const behindMs = input.leader && e !== null && since !== null ? Math.max(0, e.simTime - since) : null;
  const engine = {
    leader: input.leader,
    lastClosedMinute: e?.lastClosedMinuteTs != null ? new Date(e.lastClosedMinuteTs).toISOString() : null,
    behindSeconds: behindMs === null ? null : Math.round(behindMs / 1000),
  };
  const base = { phase: input.phase, engine };
  if (input.phase !== "ready") return { ready: false, reason: input.phase, ...base };
  if (!input.dbOk) return { ready: false, reason: "database", ...base };
  if (behindMs !== null && behindMs > BEHIND_AFTER_MS) return { ready: false, reason: "engine-behind", ...base };
  return { ready: true, reason: "ok", ...base };
}
