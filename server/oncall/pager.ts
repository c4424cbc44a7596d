// The pager: turns desk events into incidents and pages (grouping repeats), escalates unacknowledged
// incidents and drives deliveries with retries and failover. One queue serialises its work; it runs
// on the engine instance (minute-close hook plus a short timer) with an injected clock.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { nameAccountIn, type DeskEvent } from "../notify/desk-event";
import { ackLinkPath } from "./ack-link";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";
import type { ChannelSender, PageMessage } from "./channels/message";
import { openChannel } from "./channel-store";
import { dueEscalation, FALLBACK_MAX, planChain, type ChainPlan, type EscalationTarget } from "./escalation";
import { groupEvent } from "./grouping";
import { pagePersonTx } from "./page-person";
import { matchRule, type PagedRole } from "./policy";
import { rosterHoleEvent } from "./roster-hole";
import { currentPolicy } from "./policy-store";
import { loadShifts } from "./roster-store";
import { onDutyAt } from "./roster";
import type { SecretBox } from "./secret-box";
import type { Severity } from "../notify/desk-event";

export interface PagerDeps {
  prisma: PrismaClient;
  box: SecretBox;
  ackKey: Buffer;
  sender: ChannelSender;
  /** Engine time: escalation and retry timing. */
  now: () => number;
  /** Wall time: acknowledge-link expiry (a person's clock, not the engine's). */
  wallNow?: () => number;
  consoleUrl: string;
  log?: (msg: string, err?: unknown) => void;
}

export interface TickResult {
  escalated: number;
  sent: number;
  failed: number;
}

/** P2002 from the query engine, or the driver adapter's own error when it is raised inside a transaction. */
function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; cause?: { kind?: unknown }; message?: unknown };
  return (
    e.code === "P2002" ||
    e.cause?.kind === "UniqueConstraintViolation" ||
    (typeof e.message === "string" && e.message.includes("unique constraint"))
  );
}

/** Number of escalation levels in a chain (targets may share a level). */
export function chainLevels(chain: readonly EscalationTarget[]): number {
  return chain.reduce((m, t) => Math.max(m, t.level + 1), 0);
}

export class Pager {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: PagerDeps) {}

  now(): number {
    return this.deps.now();
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  handle(event: DeskEvent) {
    return this.enqueue(() => this.handleNow(event));
  }

  tick(): Promise<TickResult> {
    return this.enqueue(async () => {
      const escalated = await this.escalate();
      const { sent, failed } = await this.deliver();
      return { escalated, sent, failed };
    });
  }

  idle(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /** Ticks every `intervalMs` while `active()` (the engine runs on this instance). */
  startTimer(intervalMs: number, active: () => boolean = () => true): void {
    this.timer = setInterval(() => {
      if (!active()) return;
      void this.tick().catch((err: unknown) => this.deps.log?.("[oncall] tick failed", err));
    }, intervalMs);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The escalation chain from the roster, by the one rule of planChain (escalation.ts). */
  private async chainFor(firstRole: PagedRole, now: number): Promise<ChainPlan> {
    const { prisma } = this.deps;
    const shifts = await loadShifts(prisma, now, now + 1);
    const enabled = new Set(
      (
        await prisma.user.findMany({
          where: { id: { in: shifts.map((s) => s.userId) }, disabled: false },
          select: { id: true },
        })
      ).map((u) => u.id),
    );
    const onDuty = (role: PagedRole) =>
      onDutyAt(shifts, role, now)
        .map((s) => s.userId)
        .filter((id) => enabled.has(id));
    if (onDuty(firstRole).length > 0) return planChain({ firstRole }, onDuty, () => []);
    const holders = new Map<PagedRole, string[]>();
    for (const role of [firstRole, "ADMIN"] as const) {
      const users = await prisma.user.findMany({
        where: { role, disabled: false },
        orderBy: { createdAt: "asc" },
        select: { id: true },
        take: FALLBACK_MAX,
      });
      holders.set(
        role,
        users.map((u) => u.id),
      );
    }
    return planChain({ firstRole }, onDuty, (role) => holders.get(role) ?? []);
  }

  /** The account's code and client name for the texts ("A00042 王芳"); its id when it is gone. */
  private async accountLabel(accountId: string): Promise<string> {
    const a = await this.deps.prisma.account.findUnique({
      where: { id: accountId },
      select: { code: true, clientName: true },
    });
    return a ? `${a.code} ${a.clientName}` : accountId;
  }

  private async handleNow(event: DeskEvent): Promise<{ incidentId: string; action: "open" | "append" } | null> {
    const { prisma } = this.deps;
    const { version, policy } = await currentPolicy(prisma);
    const decision = matchRule(policy, event);
    if (!decision) return null;
    const now = this.deps.now();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const open = await prisma.oncallIncident.findUnique({ where: { openKey: event.key } });
      const g = groupEvent(
        open
          ? { id: open.id, severity: open.severity as Severity, status: open.status as "OPEN" | "ACKNOWLEDGED" }
          : null,
        decision.severity,
      );
      if (g.action === "append" && open) {
        const raised = g.repage ? g.severity : null;
        await prisma.$transaction(async (tx) => {
          await tx.oncallIncident.update({
            where: { id: open.id },
            data: { lastAt: new Date(now), occurrences: { increment: 1 }, ...(raised ? { severity: raised } : {}) },
          });
          const targets = (open.chain as unknown as EscalationTarget[]).filter((t) => t.level === open.level);
          if (!raised || open.status !== "OPEN") return;
          for (const target of targets) {
            await pagePersonTx(tx, {
              incidentId: open.id,
              ...target,
              level: open.level,
              reason: "SEVERITY",
              severity: raised,
              quietHours: policy.quietHours,
              now,
            });
          }
        });
        return { incidentId: open.id, action: "append" };
      }
      const { chain, hole } = await this.chainFor(decision.rule.firstRole, now);
      const text = event.accountId ? nameAccountIn(event, await this.accountLabel(event.accountId)) : event;
      let id: string;
      try {
        id = await prisma.$transaction(async (tx) => {
          const inc = await tx.oncallIncident.create({
            data: {
              key: event.key,
              openKey: event.key,
              kind: event.kind,
              severity: decision.severity,
              title: text.title.slice(0, 200),
              detail: text.detail.slice(0, 2000),
              titleZh: text.zh.title.slice(0, 200),
              detailZh: text.zh.detail.slice(0, 2000),
              objectType: event.objectType,
              objectId: event.objectId,
              link: event.link,
              status: "OPEN",
              policyVersion: version,
              firstRole: decision.rule.firstRole,
              escalateAfterMin: decision.rule.escalateAfterMinutes,
              chain: chain as object,
              firstAt: new Date(now),
              lastAt: new Date(now),
              lastPagedAt: new Date(now),
            },
          });
          for (const t of chain.filter((x) => x.level === 0)) {
            await pagePersonTx(tx, {
              incidentId: inc.id,
              userId: t.userId,
              role: t.role,
              level: 0,
              reason: hole ? "NOBODY_ON_DUTY" : "FIRST",
              severity: decision.severity,
              quietHours: policy.quietHours,
              now,
            });
          }
          return inc.id;
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Another instance opened this event's incident a moment ago: join it instead.
        continue;
      }
      // The page went to the fallback: ADMIN hears that the roster has a hole (one incident per role
      // while it stays open). A hole in the ADMIN roster itself is already paged to every ADMIN.
      if (hole && event.kind !== "oncall.rosterHole")
        await this.handleNow(rosterHoleEvent(decision.rule.firstRole, now));
      return { incidentId: id, action: "open" };
    }
    return null;
  }

  private async escalate(): Promise<number> {
    const { prisma } = this.deps;
    const now = this.deps.now();
    const { policy } = await currentPolicy(prisma);
    const open = await prisma.oncallIncident.findMany({
      where: { status: "OPEN" },
      orderBy: { lastPagedAt: "asc" },
      take: 200,
      select: { id: true, level: true, lastPagedAt: true, escalateAfterMin: true, chain: true, severity: true },
    });
    let n = 0;
    for (const inc of open) {
      const chain = inc.chain as unknown as EscalationTarget[];
      const next = dueEscalation(
        { status: "OPEN", level: inc.level, lastPagedAt: inc.lastPagedAt.getTime() },
        { escalateAfterMinutes: inc.escalateAfterMin },
        chainLevels(chain),
        now,
      );
      const targets = chain.filter((t) => t.level === next);
      if (next === null || targets.length === 0) continue;
      const done = await prisma.$transaction(async (tx) => {
        // Conditional: an acknowledgement (or another instance) in between wins.
        const moved = await tx.oncallIncident.updateMany({
          where: { id: inc.id, status: "OPEN", level: inc.level },
          data: { level: next, lastPagedAt: new Date(now) },
        });
        if (moved.count !== 1) return false;
        for (const target of targets) {
          await pagePersonTx(tx, {
            incidentId: inc.id,
            userId: target.userId,
            role: target.role,
            level: next,
            reason: "ESCALATION",
            severity: inc.severity as Severity,
            quietHours: policy.quietHours,
            now,
          });
        }
        return true;
      });
      if (done) n += 1;
    }
    return n;
  }

  private async deliver(): Promise<{ sent: number; failed: number }> {
    const { prisma, box, sender } = this.deps;
    const now = this.deps.now();
    const due = await prisma.oncallDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: new Date(now) } },
      orderBy: { nextAttemptAt: "asc" },
      take: 50,
      include: { page: { include: { incident: true } } },
    });
    let sent = 0;
    let failed = 0;
    const failing: { channelId: string; label: string; userId: string; error: string }[] = [];
    for (const d of due) {
      const inc = d.page.incident;
      if (inc.status !== "OPEN" && d.page.reason !== "SEVERITY") {
        await prisma.oncallDelivery.updateMany({
          where: { id: d.id, status: "PENDING" },
          data: { status: "CANCELLED", lastError: `incident ${inc.status.toLowerCase()} before sending` },
        });
        continue;
      }
      const attempt = d.attempts + 1;
      const claimed = await prisma.oncallDelivery.updateMany({
        where: { id: d.id, status: "PENDING", attempts: d.attempts },
        data: { attempts: attempt, nextAttemptAt: new Date(now + backoffMs(attempt)) },
      });
      if (claimed.count !== 1 || !d.channelId) continue;
      const ch = await prisma.oncallChannel.findUnique({ where: { id: d.channelId } });
      let error: string | null = null;
      if (!ch || !ch.enabled) error = "channel removed or disabled";
      else {
        const message: PageMessage = {
          title: inc.title,
          detail: inc.detail,
          zh: { title: inc.titleZh, detail: inc.detailZh },
          severity: d.page.severity as Severity,
          link: new URL(inc.link, this.deps.consoleUrl).toString(),
          ackLink: new URL(
            ackLinkPath(this.deps.ackKey, d.page.id, (this.deps.wallNow ?? Date.now)()),
            this.deps.consoleUrl,
          ).toString(),
          incidentId: inc.id,
          incidentLink: new URL(`/oncall?incident=${encodeURIComponent(inc.id)}`, this.deps.consoleUrl).toString(),
          level: d.page.level,
        };
        try {
          await sender.send(openChannel(box, ch), message);
        } catch (err) {
          error = (err as Error).message.slice(0, 300) || "failed";
        }
      }
      if (error === null) {
        sent += 1;
        await prisma.oncallDelivery.update({
          where: { id: d.id },
          data: { status: "SENT", sentAt: new Date(now), lastError: null },
        });
        await prisma.oncallChannel.update({ where: { id: d.channelId }, data: { consecutiveFailures: 0 } });
        continue;
      }
      if (attempt < MAX_ATTEMPTS && ch?.enabled) {
        await prisma.oncallDelivery.update({ where: { id: d.id }, data: { lastError: error } });
        continue;
      }
      failed += 1;
      await this.failOver(d.id, d.page.id, d.page.userId, d.channelId, ch?.priority ?? 0, error, now);
      if (ch) failing.push({ channelId: ch.id, label: ch.label, userId: ch.userId, error });
    }
    for (const f of failing) {
      await this.handleNow({
        kind: "oncall.channelFailing",
        severity: "WARNING",
        key: `channel:${f.channelId}`,
        title: `Paging channel failing: ${f.label}`,
        detail: `Deliveries through this channel failed ${MAX_ATTEMPTS} times (${f.error}); pages go out through the next channel.`,
        zh: {
          title: `通知渠道持续失败：${f.label}`,
          detail: `经此渠道的投递已失败 ${MAX_ATTEMPTS} 次（${f.error}）；通知改由下一个渠道发出。`,
        },
        objectType: "OncallChannel",
        objectId: f.channelId,
        link: "/admin/oncall",
        ts: now,
      });
    }
    return { sent, failed };
  }

  /** The delivery failed for good: record it, count it on the channel, and try the person's next channel. */
  private async failOver(
    deliveryId: string,
    pageId: string,
    userId: string,
    channelId: string,
    priority: number,
    error: string,
    now: number,
  ) {
    const { prisma } = this.deps;
    await prisma.$transaction(async (tx) => {
      await tx.oncallDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", lastError: error } });
      await tx.oncallChannel.updateMany({
        where: { id: channelId },
        data: { consecutiveFailures: { increment: 1 }, lastFailedAt: new Date(now), lastError: error },
      });
      const tried = new Set(
        (await tx.oncallDelivery.findMany({ where: { pageId }, select: { channelId: true } })).map((x) => x.channelId),
      );
      const next = (
        await tx.oncallChannel.findMany({
          where: { userId, enabled: true },
          orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
          select: { id: true, kind: true, priority: true },
        })
      ).find((c) => !tried.has(c.id) && c.priority >= priority);
      if (next) {
        await tx.oncallDelivery.create({
          data: {
            pageId,
            channelId: next.id,
            kind: next.kind,
            status: "PENDING",
            nextAttemptAt: new Date(now),
            createdAt: new Date(now),
          },
        });
      }
    });
    await appendAuditEvent(prisma, {
      actorId: null,
      actorEmail: null,
      action: "oncall.delivery.failed",
      targetType: "OncallChannel",
      targetId: channelId,
      after: { deliveryId, pageId, error },
    });
  }
}
