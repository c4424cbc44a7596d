// Reports join the runtime: the scheduler that files the weekly and monthly reports once their
// period has ended (on the instance whose engine is running, i.e. the leader; each period once,
// whoever gets there first), and the drill recorder (T3) on the engine's instance.
import type { DomainContext, StartedDomain } from "../domain-context";
import { domainLog } from "../log";
import { DrillRecorder } from "./drills/drill-recorder";
import { generateDueReports } from "./report-service";
import type { StressRunKpiSource } from "./stress-summary";

/** Engine minutes between checks for a period that ended (and at the first close after start). */
const CHECK_EVERY_MINUTES = 15;

export interface ReportsServices {
  /** The engine clock (periods follow engine time). */
  now: () => number;
  /** Stored stress runs for the monthly summary. */
  stressRuns: StressRunKpiSource;
}

export async function startReports(
  ctx: DomainContext,
  deps: { stressRuns: StressRunKpiSource },
): Promise<StartedDomain<ReportsServices>> {
  const engine = ctx.engine;
  const log = domainLog("reports");
  const now = () => (engine ? engine.now() : ctx.clock.now());
  const services: ReportsServices = { now, stressRuns: deps.stressRuns };
  if (!engine) return { services, stop: async () => undefined };
  const recorder = new DrillRecorder({
    prisma: ctx.prisma,
    bus: ctx.bus,
    engine,
    speed: ctx.clock.speed,
    log: (msg, err) => log.error({ err }, msg),
  });
  await recorder.start();
  let closes = 0;
  let running = false;
  engine.onMinuteClose(async () => {
    const due = closes % CHECK_EVERY_MINUTES === 0;
    closes += 1;
    if (!due || running || !engine.status().running) return;
    running = true;
    // Not awaited: the report's queries must not hold up this minute's close.
    void generateDueReports({ prisma: ctx.prisma, stressRuns: services.stressRuns, now })
      .then((made) => {
        if (made.length) log.info({ reports: made }, "scheduled reports generated");
      })
      .catch((err: unknown) => log.error({ err }, "scheduled report generation failed"))
      .finally(() => {
        running = false;
      });
  }, "reports-scheduler");
  return {
    services,
    async stop() {
      recorder.stop();
    },
  };
}
