// R2: the impact of a proposed parameter version on the live book, for the approval page (before the
// TOTP field). Computed in the stress worker thread; one evaluation per (version, book) is shared by
// every viewer for a minute, so an approval page left open does not queue work every poll.
import { getParamsOfVersion } from "../risk/params/param-service";
import type { RiskReadDeps } from "../risk/live-book";
import { runImpactInPool } from "../workers/stress-pool";
import type { ParamImpact } from "./param-impact";
import { standardScenarios } from "./scenario-library";
import { digestStressBook, takeStressSnapshot } from "./stress-snapshot";

/** The standard scenarios an approver sees: the worst history, a gap under price limits, a crunch. */
export const IMPACT_SCENARIOS = ["hist.china-2015", "hist.black-monday-1987", "syn.gap-open", "syn.liquidity-crunch"];
const TTL_MS = 60_000;

const CACHE_KEY = Symbol.for("minute-desk.paramImpactCache");
type Holder = { [CACHE_KEY]?: Map<string, { at: number; value: Promise<ParamImpact> }> };

export async function getParamImpact(
  deps: RiskReadDeps,
  version: number,
): Promise<ParamImpact & { version: number; currentVersion: number }> {
  const next = await getParamsOfVersion(deps.prisma, version);
  const sb = await takeStressSnapshot(deps);
  const g = globalThis as Holder;
  const cache = (g[CACHE_KEY] ??= new Map());
  const key = `${version}:${digestStressBook(sb)}`;
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > TTL_MS) cache.delete(k);
  let hit = cache.get(key);
  if (!hit) {
    const scenarios = standardScenarios().filter((s) => IMPACT_SCENARIOS.includes(s.id));
    hit = { at: now, value: runImpactInPool({ sb, next, scenarios }) };
    cache.set(key, hit);
    hit.value.catch(() => cache.delete(key));
  }
  return { ...(await hit.value), version, currentVersion: sb.paramVersion };
}
