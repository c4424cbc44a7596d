// The liquidation desk at run time (R6, R7): at each bar close (after the risk tick) it releases
// holds that ended, syncs tickets with the book, executes hard-floor tickets at once and runs the new
// minute's slice of every ticket in execution; between closes a short timer executes unheld tickets
// whose deadline passed (the engine clock may run 30x faster). All work runs one piece at a time on a
// queue, so the deadline, a click and the bar close never interleave inside this process; across
// processes the row lock + conditional update + unique fill key keep a ticket from executing twice.
import type { PrismaClient } from "../db/generated/client";
import type { EventBus } from "../engine/event-bus";
import type { Tx } from "../ledger/ledger-service";
import { guardMinute, resolveMarkGuardParams, type BarQuality, type MarkGuardInput } from "./mark-guard";
import { resolvePlannerParams } from "./planner/planner-params";
import type { PlanLiquidation } from "./planner/types";
import type { BrokerAdapter } from "./execution/broker-adapter";
import type { ExecutionWindow } from "./execution/session-window";
import { executeSlices, type SliceDeps, type SliceResult } from "./execution/execute-slice";
import type { RiskView } from "./tickets/plan-inputs";
import { claimDueTickets, claimExecution, releaseExpiredHolds } from "./tickets/ticket-actions";
import { syncTickets, type SyncResult } from "./tickets/ticket-sync";
import { publishTicketEvents, type Actor, type TicketBusEvent } from "./tickets/ticket-transition";
import { publishDeskEvent } from "../notify/desk-event";
import { executionFailedEvent } from "./execution-failed";

/** Bus topic of the mark guard's alerts (frozen symbols that held back trigger decisions this minute). */
export type { ExecutionWindow };

export const LIQUIDATION_FREEZE_TOPIC = "liquidation:freeze";

export interface DeskDeps {
  prisma: PrismaClient;
  risk: RiskView;
  broker: BrokerAdapter;
  plan: PlanLiquidation;
  now: () => number; // engine clock
  bus?: EventBus;
  absorbLossTx?: (tx: Tx, accountId: string, ticketId: string) => Promise<void>;
  /** Test seam passed to the slice (a throw simulates a crash between fills). */
  afterFill?: (fillKey: string) => void;
  /** Test seam run after each slice commits (a throw simulates the process dying between slices). */
  afterSlice?: (ticketIds: readonly string[]) => void;
  /** Tickets per slice transaction (default SLICE_BATCH). */
  sliceBatch?: number;
  log?: (msg: string, err?: unknown) => void;
  /**
   * The mark guard's evidence for a closed minute's bars (secondary feed price, last prints). Without it
   * every close is taken as confirmed (tests and tools that feed the risk engine directly).
   */
  marks?: (minuteTs: number, bars: readonly ClosedBarMark[]) => MarkGuardInput[];
  /** When execution may trade (the session calendar setting); absent: always. */
  executionWindow?: ExecutionWindow;
}

/** What the desk needs of a closed bar to confirm its close (market Bar satisfies it). */
export interface ClosedBarMark {
  symbol: string;
  close: number;
  quality: BarQuality;
}

/** Tickets executed per transaction: large enough that a minute's 1,000 fit in a few statements each. */
const SLICE_BATCH = 250;

export class LiquidationDesk {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private volumes = { minute: -1, bySymbol: new Map<string, number>() };

  constructor(private readonly deps: DeskDeps) {}

  /** The engine clock the desk runs on (actions taken through the router use it too). */
  now(): number {
    return this.deps.now();
  }

  private planner() {
    return resolvePlannerParams(this.deps.risk.currentParams().params);
  }

  /** Runs `fn` after everything queued before it; errors reach the caller, never the queue. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private publish(events: readonly TicketBusEvent[]): void {
    publishTicketEvents(this.deps.bus, events);
  }

  /** Tells the duty risk team (on-call) that this ticket's execution failed on its own. */
  private async publishExecutionFailed(ticketId: string, err: unknown): Promise<void> {
    if (!this.deps.bus) return;
    const ticket = await this.deps.prisma.liquidationTicket
      .findUnique({ where: { id: ticketId }, select: { id: true, accountId: true } })
      .catch(() => null);
    if (ticket) publishDeskEvent(this.deps.bus, executionFailedEvent(ticket, err, this.deps.now()));
  }

  /** The minute-close hook (registered after the risk plugin's tick), with the minute's closed bars. */
  onMinuteClose(minuteTs: number, bars: readonly ClosedBarMark[] = []): Promise<SyncResult> {
    return this.enqueue(async () => {
      const nowMs = this.deps.now();
      this.publish(await releaseExpiredHolds(this.deps.prisma, nowMs));
      const planner = this.planner();
      const guard = this.deps.marks
        ? guardMinute(this.deps.marks(minuteTs, bars), resolveMarkGuardParams(planner))
        : null;
      const sync = await syncTickets({ ...this.deps, planner, nowMs, minuteTs, frozen: guard?.frozen });
      if (sync.frozen.length > 0) this.deps.bus?.publish(LIQUIDATION_FREEZE_TOPIC, { minuteTs, frozen: sync.frozen });
      this.publish(sync.events);
      this.publish(
        await claimDueTickets(
          this.deps.prisma,
          { trigger: "HARD_FLOOR", ticketIds: sync.executeNow },
          { nowMs: this.deps.now() },
        ),
      );
      await this.runDueDeadlines();
      await this.runSlices();
      return sync;
    });
  }

  /** The short timer between closes: ended holds and passed deadlines. */
  checkDue(): Promise<void> {
    return this.enqueue(async () => {
      this.publish(await releaseExpiredHolds(this.deps.prisma, this.deps.now()));
      if ((await this.runDueDeadlines()) > 0) await this.runSlices();
    });
  }

  /** RISK "execute now": claims (CONFLICT when someone else already did) and runs the slice at once. */
  executeNow(ticketId: string, actor: Actor) {
    return this.enqueue(async () => {
      const res = await claimExecution(this.deps.prisma, { ticketId, trigger: "MANUAL" }, actor, {
        nowMs: this.deps.now(),
      });
      this.publish(res.events);
      await this.runSlices([ticketId]);
      return res;
    });
  }

  /** Resume after a restart: tickets left EXECUTING or PARTIALLY_FILLED get their next slice. */
  resume(): Promise<number> {
    return this.enqueue(() => this.runSlices());
  }

  startTimer(intervalMs: number): void {
    this.timer = setInterval(
      () => void this.checkDue().catch((err: unknown) => this.deps.log?.("[liquidation] deadline check failed", err)),
      intervalMs,
    );
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Idle: resolves when everything queued so far has run (tests, shutdown). */
  idle(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /** Every unheld ticket whose review window ended, claimed in one statement. */
  private async runDueDeadlines(): Promise<number> {
    const events = await claimDueTickets(this.deps.prisma, { trigger: "DEADLINE" }, { nowMs: this.deps.now() });
    this.publish(events);
    return events.length;
  }

  private async runSlices(only?: string[]): Promise<number> {
    const tickets =
      only ??
      (
        await this.deps.prisma.liquidationTicket.findMany({
          where: { status: { in: ["EXECUTING", "PARTIALLY_FILLED"] } },
          orderBy: [{ urgency: "asc" }, { deadline: "asc" }],
          select: { id: true },
        })
      ).map((t) => t.id);
    if (tickets.length === 0) return 0;
    // Outside the trading session the claimed tickets wait; the first slice after the open sells them.
    if (this.deps.executionWindow && !(await this.deps.executionWindow.isOpen(this.deps.now()))) return 0;
    let filled = 0;
    const planner = this.planner();
    const minute = Math.floor(this.deps.now() / 60_000);
    if (this.volumes.minute !== minute) this.volumes = { minute, bySymbol: new Map() };
    const deps = {
      broker: this.deps.broker,
      planner,
      nowMs: this.deps.now(),
      afterFill: this.deps.afterFill,
      absorbLossTx: this.deps.absorbLossTx,
      volumes: this.volumes.bySymbol,
    };
    const size = this.deps.sliceBatch ?? SLICE_BATCH;
    for (let i = 0; i < tickets.length; i += size) {
      const batch = tickets.slice(i, i + size);
      for (const res of await this.sliceOrIsolate(batch, deps)) {
        filled += res.filled;
        this.publish(res.events);
      }
      this.deps.afterSlice?.(batch);
    }
    if (filled > 0) await this.deps.risk.refreshBook();
    return filled;
  }

  /**
   * One transaction for the batch; when it fails (it rolled back as a whole), each ticket is tried on
   * its own so one bad ticket cannot hold up the minute's other executions. What still fails is retried
   * from the stored state at the next close (or timer).
   */
  private async sliceOrIsolate(batch: string[], deps: SliceDeps): Promise<SliceResult[]> {
    try {
      return await executeSlices(this.deps.prisma, batch, deps);
    } catch (err) {
      if (batch.length === 1) {
        this.deps.log?.(`[liquidation] slice of ${batch[0]} failed`, err);
        const [only] = batch;
        if (only) await this.publishExecutionFailed(only, err);
        return [];
      }
      this.deps.log?.(`[liquidation] slice of ${batch.length} tickets failed; retrying one by one`, err);
      const out: SliceResult[] = [];
      for (const id of batch) out.push(...(await this.sliceOrIsolate([id], deps)));
      return out;
    }
  }
}
