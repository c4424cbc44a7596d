// The live surveillance loop, one minute at a time (S1-S5): generate the minute's order flow from
// the simulator's prices, store it in bulk, feed it and any new payments to the rules (state
// carried forward, never a rescan), record the hits as cases, and on a schedule refresh the link
// graph, retrain the isolation forest and apply the order-flow retention.
import type { PrismaClient } from "../db/generated/client";
import { domainLog } from "../log";
import {
  accountFeatures,
  accumulateCounters,
  accumulateSymbolFlow,
  FEATURE_NAMES,
  readableFeatures,
  symbolFlowFeatures,
  type AccountCounters,
  type SymbolFlow,
} from "./account-features";
import { recordHits } from "./case-service";
import { scoreIsolation, trainIsolationForest, mulberry32 } from "./isolation-forest";
import { buildLinkGraph, loadLinks, type LinkGraph } from "./links-service";
import { castFromAccounts, generateMinute, type FlowCast, type FlowSymbol } from "./order-flow/flow-generator";
import {
  collectHits,
  createRuleEngine,
  ingestOrderEvents,
  ingestPaymentEvents,
  type RuleEngine,
} from "./rules/rule-engine";
import type { Hit, OrderEvent, PaymentEvent } from "./rules/types";

export const RETENTION_SETTING = "surveillance.retentionDays";
export const DEFAULT_RETENTION_DAYS = 7;
const RETRAIN_EVERY_MINUTES = 30;
const RELINK_EVERY_MINUTES = 10;

export interface MonitorOptions {
  seed: number;
  /** false: rules only on flow stored by someone else (tests feed events themselves) */
  generate?: boolean;
}

export class SurveillanceMonitor {
  private engine: RuleEngine;
  private graph: LinkGraph = buildLinkGraph([]);
  private cast: FlowCast | null = null;
  private rand: () => number;
  private counters = new Map<string, AccountCounters>();
  private symbolFlows = new Map<string, SymbolFlow>();
  private scores = new Map<string, number>();
  private minutes = 0;
  private lastPaymentTs = 0;
  lastRunMs = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly opts: MonitorOptions,
  ) {
    this.engine = createRuleEngine({}, this.graph.ctx);
    this.rand = mulberry32(opts.seed ^ 0x5eed);
  }

  async init(): Promise<void> {
    await this.relink();
    const accounts = await this.prisma.account.findMany({ select: { id: true }, orderBy: { code: "asc" } });
    if (accounts.length >= 20) this.cast = castFromAccounts(accounts.map((a) => a.id));
  }

  async relink(): Promise<void> {
    this.graph = buildLinkGraph(await loadLinks(this.prisma));
    // The engine reads the cluster lookup through ctx on every trade: swap it in place.
    this.engine.ctx = this.graph.ctx;
  }

  clusters(): string[][] {
    return this.graph.clusters;
  }

  /** One closed minute: flow, rules, cases. Returns the events generated and the hits recorded. */
  async runMinute(minuteTs: number, symbols: readonly FlowSymbol[], extra: readonly OrderEvent[] = []) {
    const t0 = performance.now();
    const controls = await this.controls();
    const generated =
      this.opts.generate !== false && this.cast
        ? generateMinute(minuteTs, this.cast, symbols, this.rand, controls)
        : [];
    const events = [...generated, ...extra].sort((a, b) => a.ts - b.ts);
    if (events.length > 0) await this.store(events);
    ingestOrderEvents(this.engine, events);
    ingestPaymentEvents(this.engine, await this.newPayments());
    accumulateCounters(this.counters, events);
    accumulateSymbolFlow(this.symbolFlows, events);
    this.minutes += 1;
    for (const c of this.counters.values()) c.minutes += 1;
    if (this.minutes % RETRAIN_EVERY_MINUTES === 0) this.retrain();
    if (this.minutes % RELINK_EVERY_MINUTES === 0) await this.relink();
    const hits = collectHits(this.engine, minuteTs + 60_000);
    if (hits.length > 0) await recordHits(this.prisma, hits, { now: minuteTs + 60_000, scores: this.scores });
    this.lastRunMs = performance.now() - t0;
    return { events, hits };
  }

  /**
   * First start: the past `minutes` in one pass (flow generated and fed minute by minute, stored in
   * large batches, hits recorded once at the end with their final counts), so start-up does not
   * pay a full minute's database round trips for each warm-up minute.
   */
  async warmUp(startTs: number, minutes: number, symbols: readonly FlowSymbol[]): Promise<number> {
    if (!this.cast) return 0;
    const controls = await this.controls();
    ingestPaymentEvents(this.engine, await this.newPayments());
    const hits = new Map<string, Hit>();
    let batch: OrderEvent[] = [];
    let stored = 0;
    for (let m = 0; m < minutes; m++) {
      const minuteTs = startTs + m * 60_000;
      const events = generateMinute(minuteTs, this.cast, symbols, this.rand, controls);
      ingestOrderEvents(this.engine, events);
      accumulateCounters(this.counters, events);
      accumulateSymbolFlow(this.symbolFlows, events);
      for (const c of this.counters.values()) c.minutes += 1;
      this.minutes += 1;
      for (const h of collectHits(this.engine, minuteTs + 60_000)) hits.set(h.key, h);
      batch.push(...events);
      if (batch.length >= 5_000) {
        await this.store(batch);
        stored += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await this.store(batch);
    stored += batch.length;
    this.retrain();
    await recordHits(this.prisma, [...hits.values()], { now: startTs + minutes * 60_000, scores: this.scores });
    return stored;
  }

  private async controls() {
    const rows = await this.prisma.accountRestriction.findMany({
      where: { OR: [{ restrictBuys: true }, { frozen: true }] },
      select: { accountId: true, restrictBuys: true, frozen: true },
    });
    return {
      restrictedBuys: new Set(rows.filter((r) => r.restrictBuys).map((r) => r.accountId)),
      frozen: new Set(rows.filter((r) => r.frozen).map((r) => r.accountId)),
    };
  }

  private async store(events: readonly OrderEvent[]): Promise<void> {
    await this.prisma.orderFlowEvent.createMany({
      data: events.map((e) => ({
        ts: new Date(e.ts),
        accountId: e.account,
        symbol: e.symbol,
        type: e.type,
        side: e.side,
        orderId: e.orderId,
        price: e.price,
        qty: Math.round(e.qty),
        counterparty: e.counterparty ?? null,
      })),
    });
  }

  /** Deposits with their card and withdrawals with their beneficiary, newer than the last read. */
  private async newPayments(): Promise<PaymentEvent[]> {
    const since = new Date(this.lastPaymentTs);
    const [funds, withdrawals] = await Promise.all([
      this.prisma.fundMovement.findMany({ where: { ts: { gt: since } }, orderBy: { ts: "asc" } }),
      this.prisma.withdrawal.findMany({
        where: { createdAt: { gt: since } },
        select: { id: true, accountId: true, beneficiaryAcct: true, amount: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      }),
    ]);
    const out: PaymentEvent[] = [
      ...funds.map((f) => ({
        id: f.id,
        ts: f.ts.getTime(),
        account: f.accountId,
        kind: f.kind === "WITHDRAWAL" ? ("WITHDRAWAL" as const) : ("DEPOSIT" as const),
        instrument: f.instrument,
        amount: Number(f.amount),
      })),
      ...withdrawals.map((w) => ({
        id: w.id,
        ts: w.createdAt.getTime(),
        account: w.accountId,
        kind: "WITHDRAWAL" as const,
        instrument: w.beneficiaryAcct,
        amount: Number(w.amount),
      })),
    ].sort((a, b) => a.ts - b.ts);
    for (const p of out) this.lastPaymentTs = Math.max(this.lastPaymentTs, p.ts);
    return out;
  }

  /** S4: retrain on every account seen so far (seeded, so a restart on the same flow scores the same). */
  retrain(): void {
    const ids = [...this.counters.keys()];
    if (ids.length < 20) return;
    const rows = ids.map((id) => accountFeatures(this.counters.get(id) as AccountCounters));
    const forest = trainIsolationForest(rows, { seed: this.opts.seed, trees: 100 });
    this.scores = new Map(ids.map((id, i) => [id, scoreIsolation(forest, rows[i] ?? [])]));
  }

  score(accountId: string): number | undefined {
    return this.scores.get(accountId);
  }

  /** The order-flow features behind an account's anomaly score, readable (null: no flow seen for it yet). */
  features(accountId: string): { name: (typeof FEATURE_NAMES)[number]; value: number }[] | null {
    const c = this.counters.get(accountId);
    if (!c) return null;
    const f = readableFeatures(c);
    return FEATURE_NAMES.map((name) => ({ name, value: f[name] }));
  }

  /** Cancel ratio and trade clustering of one symbol's order flow so far (null: none seen). */
  symbolFlow(symbol: string): ReturnType<typeof symbolFlowFeatures> | null {
    const f = this.symbolFlows.get(symbol);
    return f ? symbolFlowFeatures(f) : null;
  }

  /** Deletes order flow older than the retention setting, in batches so no statement runs long. */
  async applyRetention(now: number): Promise<number> {
    const s = await this.prisma.setting.findUnique({ where: { key: RETENTION_SETTING } });
    const days = Number(s?.value ?? DEFAULT_RETENTION_DAYS);
    const cutoff = new Date(now - (Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS) * 86_400_000);
    let total = 0;
    for (;;) {
      const n = await this.prisma.$executeRaw`
        DELETE FROM "OrderFlowEvent" WHERE id IN (
          SELECT id FROM "OrderFlowEvent" WHERE ts < ${cutoff} ORDER BY ts LIMIT 10000)`;
      total += n;
      if (n < 10_000) break;
    }
    if (total > 0) domainLog("surveillance").info({ deleted: total, cutoff }, "order-flow retention");
    return total;
  }
}
