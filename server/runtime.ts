// The process-wide runtime and the composition root: configuration, database (migrated; seeded in
// demo mode), event bus, engine, and every domain, built here explicitly in dependency order and
// handed what it needs (composeDomains). Created once per process behind a globalThis singleton,
// started from instrumentation.ts, and closed cleanly on SIGTERM/SIGINT so PGlite flushes its data.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_USERS, isDemoSeeded, seedDemo, type DemoCredential } from "../prisma/seed/seed-demo";
import { setBootPhase } from "./boot-phase";
import { openDatabase, type Database } from "./db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "./db/migrate";
import { createClock, type Clock } from "./engine/clock";
import type { EventBus } from "./engine/event-bus";
import { createBusFor, type BusChoice } from "./engine/bus-factory";
import { createSimulator } from "./engine/history";
import { leaderLostEvent } from "./engine/leader-events";
import type { LeaderLock } from "./engine/leader-lock";
import { electLeader } from "./engine/leader-wiring";
import { createFence, type Fence } from "./engine/fence";
import { MarketEngine } from "./engine/market-engine";
import type { DemoSeeder, DomainContext, StartedDomain } from "./domain-context";
import { getEnv, isDemoMode, type Env } from "./env";
import { domainLog } from "./log";
import { publishDeskEvent } from "./notify/desk-event";
import { seedFundingDemo, startFunding } from "./funding/plugin";
import type { LiquidationDesk } from "./liquidation/liquidation-desk";
import { seedLiquidationDemo, startLiquidation } from "./liquidation/plugin";
import type { MarketMonitoring } from "./market/monitoring/market-monitoring";
import { seedMarketMonitoringDemo, startMarketMonitoring } from "./market/monitoring/plugin";
import type { OncallServices } from "./oncall/oncall-services";
import { startOncall } from "./oncall/plugin";
import { startNotify } from "./notify/plugin";
import { seedPaymentsDomainDemo, startPayments } from "./payments/plugin";
import type { LiveRisk } from "./risk/live-book";
import { seedRiskDemo, startRisk } from "./risk/plugin";
import type { AccountRiskSource } from "./risk/ports";
import type { SurveillanceMonitor } from "./surveillance/surveillance-monitor";
import { seedSurveillanceDemo, startSurveillance } from "./surveillance/plugin";
import { startReports, type ReportsServices } from "./reports/plugin";
import { storedStressRuns } from "./stress/stored-runs";
import { connectSessionCacheToBus } from "./auth/session-cache";
import { loadRecentBars } from "./market/bar-store";
import { HotBars } from "./market/hot-bars";

/**
 * The domains' services that live as long as the process, for tRPC procedures, route handlers and
 * other domains. Every field is built by composeDomains; none is optional, so a missing domain is a
 * type error here rather than a silent fallback at run time.
 */
export interface Services {
  bus: EventBus;
  /** Indicators, alerts, symbol overrides, feeds and drills. */
  monitoring: MarketMonitoring;
  /** The risk engine's live book: the ticking one, or with ENGINE=off one re-read every minute. */
  liveRisk: LiveRisk;
  /** Live R1-R2 figures per account at the last bar close (payments' initial-margin check, cases). */
  accountRisk: AccountRiskSource;
  /** The liquidation desk; null with ENGINE=off (the desk runs on the engine's instance). */
  liquidation: LiquidationDesk | null;
  /** On-call paging: sealing, acknowledge links, sender; the pager on the engine's instance. */
  oncall: OncallServices;
  /** The minute loop's rules state, link graph and anomaly scores. */
  surveillance: SurveillanceMonitor;
  /** The engine clock for report periods and the stored stress runs the monthly summary reads. */
  reports: ReportsServices;
  /** The last hours of 1-minute bars per requested symbol, in memory (chart backfill, rollups). */
  hotBars: HotBars;
}
export interface Runtime {
  env: Env;
  demo: boolean;
  dataDir: string;
  db: Database;
  bus: EventBus;
  clock: Clock;
  engine: MarketEngine | null;
  leader: LeaderLock | null;
  /** PostgreSQL with the engine on: the leader's fencing token (epoch), shown by /api/v1/health. */
  fence: Fence | null;
  /** The bus's transport across instances (redis, postgres-notify, in-process) and its closer. */
  busChoice?: BusChoice;
  services: Services;
  /** Stops the domains in reverse start order (timers, work in flight). */
  stopDomains(): Promise<void>;
  startedAt: number;
}

/**
 * Each domain's demo data, in this order, once per demo database (also into one created before the
 * domain existed): funding's tranche products before liquidation's waterfall layers, the payments
 * calendars before surveillance's withdrawals.
 */
function demoSeeders(env: Env): ReadonlyArray<readonly [name: string, seed: DemoSeeder]> {
  return [
    ["market-monitoring", seedMarketMonitoringDemo],
    ["risk", seedRiskDemo(env.DEMO_REVIEW_WINDOW_S)],
    ["funding", seedFundingDemo],
    ["liquidation", seedLiquidationDemo],
    ["payments", seedPaymentsDomainDemo],
    ["surveillance", seedSurveillanceDemo],
  ];
}

/**
 * Starts every domain, in the order their minute-close hooks must run: market monitoring
 * (volatility, overrides) before the risk tick, the risk tick before liquidation and payments,
 * surveillance after payments, on-call last so its hook sees what the others published.
 */
export async function composeDomains(
  ctx: DomainContext,
  deps: { authSecret: () => string },
): Promise<{ services: Services; stop(): Promise<void> }> {
  const stops: Array<() => Promise<void>> = [];
  const start = async <S>(started: Promise<StartedDomain<S>>): Promise<S> => {
    const d = await started;
    stops.push(d.stop);
    return d.services;
  };
  const monitoring = await start(startMarketMonitoring(ctx));
  const risk = await start(startRisk(ctx, { volatility: monitoring.book, overrides: monitoring.overrides }));
  await start(startFunding(ctx));
  const liquidation = await start(startLiquidation(ctx, { risk }));
  await start(startPayments(ctx));
  const surveillance = await start(startSurveillance(ctx));
  await start(startNotify(ctx));
  const oncall = await start(startOncall(ctx, deps));
  // Last: the drill recorder's hook reads the close after every domain has acted on it.
  const reports = await start(startReports(ctx, { stressRuns: storedStressRuns(ctx.prisma) }));
  const services: Services = {
    bus: ctx.bus,
    monitoring,
    liveRisk: () => Promise.resolve(risk),
    accountRisk: { snapshot: (id) => risk.snapshot(id) },
    liquidation,
    oncall,
    surveillance,
    reports,
    hotBars: new HotBars(ctx.bus, (symbol, limit, before) => loadRecentBars(ctx.sql, symbol, limit, before)),
  };
  return {
    services,
    async stop() {
      services.hotBars.close();
      for (const stop of stops.reverse()) await stop();
    },
  };
}

const BACKFILL_MINUTES = 180;

const g = globalThis as unknown as { __minuteDesk?: Promise<Runtime>; __minuteDeskClosing?: Promise<void> };

export function dataDirFor(env: Env): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), env.MINUTE_DESK_DATA_DIR);
}

export function getRuntime(): Promise<Runtime> {
  g.__minuteDesk ??= bootRuntime().catch((err: unknown) => {
    setBootPhase("failed");
    g.__minuteDesk = undefined;
    throw err;
  });
  return g.__minuteDesk;
}

async function bootRuntime(): Promise<Runtime> {
  const t0 = Date.now();
  const env = getEnv();
  const demo = isDemoMode(env);
  const dataDir = dataDirFor(env);
  const db = demo
    ? await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") })
    : await openDatabase({ kind: "postgres", url: env.DATABASE_URL ?? "" });
  setBootPhase("migrating");
  const migrated = await runMigrations(db.sql, loadMigrations(migrationsDir()));
  if (migrated.applied.length > 0) domainLog("runtime").info({ migrations: migrated.applied }, "applied migrations");

  let credentials: DemoCredential[] | null = null;
  setBootPhase("seeding");
  if (demo && !(await isDemoSeeded(db.prisma))) {
    domainLog("runtime").info("demo mode, first start: seeding the demo book");
    credentials = await seedDemo(db.prisma, {
      seed: env.DEMO_SEED,
      symbols: env.DEMO_SYMBOLS,
      accounts: env.DEMO_ACCOUNTS,
      extraStaff: env.DEMO_EXTRA_STAFF,
    });
    fs.writeFileSync(path.join(dataDir, "demo-credentials.json"), JSON.stringify(credentials, null, 2), {
      mode: 0o600,
    });
  }
  // Each domain seeds its demo data once, also into a demo database created before it existed.
  if (demo) {
    for (const [name, seed] of demoSeeders(env)) {
      // Existing demo databases recorded their seeding under these names: keep them.
      const key = `demo.seeded.${name}`;
      if (await db.prisma.setting.findUnique({ where: { key } })) continue;
      await seed(db.prisma, { seed: env.DEMO_SEED, now: Date.now() });
      await db.prisma.setting.create({ data: { key, value: new Date().toISOString() } });
      domainLog("runtime").info({ seeded: name }, "demo data seeded");
    }
  }

  setBootPhase("starting-engine");
  const busChoice = await createBusFor(env);
  const bus = busChoice.bus;
  connectSessionCacheToBus(bus);
  const clock = createClock(env.CLOCK_SPEED);
  let engine: MarketEngine | null = null;
  let leader: LeaderLock | null = null;
  let fence: Fence | null = null;
  if (env.ENGINE === "on") {
    const { sim, backfilled } = await createSimulator(db.prisma, db.sql, {
      seed: env.DEMO_SEED,
      now: clock.now(),
      backfillMinutes: BACKFILL_MINUTES,
    });
    if (backfilled > 0) domainLog("runtime").info({ bars: backfilled }, "backfilled one-minute bars");
    const instance = env.INSTANCE_NAME ?? `${os.hostname()}:${process.pid}`;
    fence = demo ? null : createFence(db.sql, instance);
    engine = new MarketEngine({
      sim,
      clock,
      bus,
      sql: db.sql,
      fence: fence ?? undefined,
      onFenced: () => publishDeskEvent(bus, leaderLostEvent(instance, clock.now())),
    });
  }
  const domains = await composeDomains(
    { env, demo, prisma: db.prisma, sql: db.sql, bus, clock, engine },
    { authSecret: getAuthSecret },
  );
  if (engine) leader = electLeader({ engine, fence, bus, demo, url: env.DATABASE_URL, retryMs: env.LEADER_RETRY_MS });
  domainLog("runtime").info(
    {
      ms: Date.now() - t0,
      db: demo ? `PGlite at ${path.relative(process.cwd(), dataDir)}/` : "PostgreSQL",
      engine: engine ? `on (clock x${env.CLOCK_SPEED})` : "off",
    },
    "ready",
  );
  if (demo) printDemoUsers(dataDir, credentials);
  setBootPhase("ready");
  return {
    env,
    demo,
    dataDir,
    db,
    bus,
    clock,
    engine,
    leader,
    fence,
    busChoice,
    services: domains.services,
    stopDomains: domains.stop,
    startedAt: Date.now(),
  };
}

function printDemoUsers(dataDir: string, fresh: DemoCredential[] | null): void {
  const file = path.join(dataDir, "demo-credentials.json");
  const creds = fresh ?? (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as DemoCredential[]) : []);
  if (creds.length === 0) return;
  // The e2e suite's extra staff (DEMO_EXTRA_STAFF) stay in the file; the log names the demo users.
  const named = new Set(DEMO_USERS.map((u) => u.email));
  const shown = creds.filter((c) => named.has(c.email));
  const extra = creds.length - shown.length;
  const lines = shown.map(
    (c) =>
      `  ${c.role.padEnd(10)} ${c.email.padEnd(24)} ${c.password}${c.totpSecret ? `   TOTP secret ${c.totpSecret}` : ""}`,
  );
  if (extra > 0) lines.push(`  and ${extra} more managers and administrators (DEMO_EXTRA_STAFF) in the file`);
  domainLog("runtime").info({ file: path.relative(process.cwd(), file) }, `demo users:\n${lines.join("\n")}`);
}

/** The next-auth secret: NEXTAUTH_SECRET, or in demo mode one generated once under the data folder. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!isDemoMode(env)) throw new Error("NEXTAUTH_SECRET: required when DATABASE_URL is set (at least 32 characters)");
  const dir = dataDirFor(env);
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export async function shutdownRuntime(): Promise<void> {
  g.__minuteDeskClosing ??= (async () => {
    const pending = g.__minuteDesk;
    if (!pending) return;
    const rt = await pending.catch(() => null);
    if (!rt) return;
    await rt.leader?.stop();
    await rt.engine?.stop();
    await rt.stopDomains();
    await rt.busChoice?.close();
    await rt.db.close();
    domainLog("runtime").info("stopped; database closed");
  })();
  return g.__minuteDeskClosing;
}
