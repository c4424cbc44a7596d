// Acknowledge and resolve. Each is one conditional update, so two people acknowledging at once
// produce one acknowledgement and one clear "already acknowledged by ..." answer. Acknowledging
// stops the escalation (only OPEN incidents escalate); resolving frees the event's key so a later
// occurrence opens a new incident.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";
import { verifyAckToken } from "./ack-link";

type Actor = Pick<SessionUser, "id" | "email">;

async function explainConflict(prisma: PrismaClient, id: string): Promise<never> {
  const inc = await prisma.oncallIncident.findUnique({
    where: { id },
    select: { status: true, acknowledgedById: true, resolvedById: true },
  });
  if (!inc) throw new AppError("NOT_FOUND", "That incident does not exist.");
  const by = inc.status === "RESOLVED" ? inc.resolvedById : inc.acknowledgedById;
  const who = by ? (await prisma.user.findUnique({ where: { id: by }, select: { email: true } }))?.email : null;
  throw new AppError("CONFLICT", `Already ${inc.status.toLowerCase()}${who ? ` by ${who}` : ""}.`);
}

export async function acknowledgeIncident(
  prisma: PrismaClient,
  actor: Actor,
  input: { incidentId: string; via: "CONSOLE" | "LINK"; pageId?: string },
  now: number,
) {
  return prisma
    .$transaction(async (tx) => {
      const moved = await tx.oncallIncident.updateMany({
        where: { id: input.incidentId, status: "OPEN" },
        data: {
          status: "ACKNOWLEDGED",
          acknowledgedById: actor.id,
          acknowledgedAt: new Date(now),
          acknowledgedVia: input.via,
        },
      });
      if (moved.count !== 1) return false;
      await appendAuditEventTx(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "oncall.acknowledged",
        targetType: "OncallIncident",
        targetId: input.incidentId,
        before: { status: "OPEN" },
        after: { status: "ACKNOWLEDGED", via: input.via, pageId: input.pageId ?? null },
      });
      return true;
    })
    .then(async (ok) => {
      if (!ok) await explainConflict(prisma, input.incidentId);
      return { incidentId: input.incidentId, status: "ACKNOWLEDGED" as const };
    });
}

export async function resolveIncident(
  prisma: PrismaClient,
  actor: Actor,
  input: { incidentId: string; note: string },
  now: number,
) {
  const ok = await prisma.$transaction(async (tx) => {
    const before = await tx.oncallIncident.findUnique({ where: { id: input.incidentId }, select: { status: true } });
    const moved = await tx.oncallIncident.updateMany({
      where: { id: input.incidentId, status: { in: ["OPEN", "ACKNOWLEDGED"] } },
      data: {
        status: "RESOLVED",
        openKey: null,
        resolvedById: actor.id,
        resolvedAt: new Date(now),
        resolveNote: input.note,
        // Resolving without an acknowledgement acknowledges too: someone did look.
      },
    });
    if (moved.count !== 1) return false;
    await tx.oncallIncident.updateMany({
      where: { id: input.incidentId, acknowledgedAt: null },
      data: { acknowledgedById: actor.id, acknowledgedAt: new Date(now), acknowledgedVia: "CONSOLE" },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.resolved",
      targetType: "OncallIncident",
      targetId: input.incidentId,
      before: { status: before?.status ?? null },
      after: { status: "RESOLVED", note: input.note },
    });
    return true;
  });
  if (!ok) await explainConflict(prisma, input.incidentId);
  return { incidentId: input.incidentId, status: "RESOLVED" as const };
}

/** The signed link in a message: the paged person acknowledges the page's incident. */
export async function acknowledgeByLink(
  prisma: PrismaClient,
  ackKey: Buffer,
  query: { p?: unknown; e?: unknown; s?: unknown },
  wallNow: number,
  engineNow: number,
) {
  const check = verifyAckToken(ackKey, query, wallNow);
  if (!check.ok) {
    throw new AppError(
      check.reason === "expired" ? "PRECONDITION_FAILED" : "FORBIDDEN",
      check.reason === "expired"
        ? "This acknowledge link has expired; open the console instead."
        : "This link is not valid.",
    );
  }
  const page = await prisma.oncallPage.findUnique({
    where: { id: String(query.p) },
    select: { id: true, incidentId: true, userId: true },
  });
  if (!page) throw new AppError("NOT_FOUND", "That page does not exist.");
  const user = await prisma.user.findUnique({
    where: { id: page.userId },
    select: { id: true, email: true, disabled: true },
  });
  if (!user || user.disabled) throw new AppError("FORBIDDEN", "The paged user is disabled.");
  return acknowledgeIncident(prisma, user, { incidentId: page.incidentId, via: "LINK", pageId: page.id }, engineNow);
}

/** What the acknowledge page shows before the person confirms. */
export async function describeAckLink(
  prisma: PrismaClient,
  ackKey: Buffer,
  query: { p?: unknown; e?: unknown; s?: unknown },
  locale: "en" | "zh-CN" = "en",
  wallNow = Date.now(),
) {
  const check = verifyAckToken(ackKey, query, wallNow);
  if (!check.ok) return { ok: false as const, reason: check.reason };
  const page = await prisma.oncallPage.findUnique({
    where: { id: String(query.p) },
    select: {
      incident: { select: { id: true, title: true, titleZh: true, severity: true, status: true, link: true } },
    },
  });
  if (!page) return { ok: false as const, reason: "malformed" as const };
  const { titleZh, ...incident } = page.incident;
  // The viewer's language; an incident opened before Chinese texts existed keeps its English title.
  return {
    ok: true as const,
    incident: { ...incident, title: locale === "zh-CN" && titleZh ? titleZh : incident.title },
  };
}
