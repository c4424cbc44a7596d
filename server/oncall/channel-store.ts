// People's channels: ADMIN adds them with the target (webhook URL or email) and signing secret
// sealed; the console only ever sees a hint (host or masked address). Opening happens only when
// sending.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";
import type { ChannelKind, OpenChannel } from "./channels/message";
import { webhookUrlProblem } from "./channels/webhook-url";
import type { SecretBox } from "./secret-box";
import { cuidLike } from "./ids";

type Actor = Pick<SessionUser, "id" | "email">;

export function targetHint(kind: ChannelKind, target: string): string {
  if (kind === "EMAIL") {
    const [local = "", domain = ""] = target.split("@");
    return `${local.slice(0, 2)}***@${domain}`;
  }
  try {
    const u = new URL(target);
    return `${u.protocol}//${u.host}${u.pathname.slice(0, 24)}…`;
  } catch {
    return "(invalid)";
  }
}

export async function listChannels(prisma: PrismaClient) {
  const rows = await prisma.oncallChannel.findMany({
    orderBy: [{ userId: "asc" }, { priority: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true,
      userId: true,
      kind: true,
      label: true,
      targetHint: true,
      priority: true,
      enabled: true,
      consecutiveFailures: true,
      lastFailedAt: true,
      lastError: true,
      secretSealed: true,
    },
  });
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { id: true, name: true, email: true, role: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map(({ secretSealed, ...r }) => ({
    ...r,
    signed: secretSealed !== null,
    user: byId.get(r.userId) ?? null,
  }));
}

export async function addChannel(
  prisma: PrismaClient,
  box: SecretBox,
  actor: Actor,
  input: { userId: string; kind: ChannelKind; label: string; target: string; secret?: string; priority: number },
) {
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw new AppError("BAD_REQUEST", "That user does not exist.");
  // The router checks the same; repeated here so no other caller can store a URL the sender would misuse.
  const problem = input.kind === "EMAIL" ? null : webhookUrlProblem(input.target);
  if (problem) throw new AppError("BAD_REQUEST", `Target: ${problem}.`);
  const id = cuidLike();
  return prisma.$transaction(async (tx) => {
    await tx.oncallChannel.create({
      data: {
        id,
        userId: input.userId,
        kind: input.kind,
        label: input.label,
        targetSealed: box.seal(input.target, id),
        targetHint: targetHint(input.kind, input.target),
        secretSealed: input.secret ? box.seal(input.secret, id) : null,
        priority: input.priority,
      },
    });
    // The target and secret never enter the audit trail; their hint does.
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.channel.added",
      targetType: "OncallChannel",
      targetId: id,
      after: {
        userId: input.userId,
        kind: input.kind,
        label: input.label,
        hint: targetHint(input.kind, input.target),
        signed: Boolean(input.secret),
        priority: input.priority,
      },
    });
    return { id };
  });
}

export async function updateChannel(
  prisma: PrismaClient,
  actor: Actor,
  input: { id: string; enabled?: boolean; priority?: number },
) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.oncallChannel.findUnique({
      where: { id: input.id },
      select: { enabled: true, priority: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "That channel does not exist.");
    const data = {
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      // Re-enabling a channel gives it a fresh start.
      ...(input.enabled ? { consecutiveFailures: 0, lastError: null } : {}),
    };
    await tx.oncallChannel.update({ where: { id: input.id }, data });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.channel.updated",
      targetType: "OncallChannel",
      targetId: input.id,
      before: row,
      after: data,
    });
    return { id: input.id };
  });
}

export async function removeChannel(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.oncallChannel.findUnique({ where: { id }, select: { kind: true, label: true, userId: true } });
    if (!row) throw new AppError("NOT_FOUND", "That channel does not exist.");
    await tx.oncallChannel.delete({ where: { id } });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.channel.removed",
      targetType: "OncallChannel",
      targetId: id,
      before: row,
    });
    return { id };
  });
}

export function openChannel(
  box: SecretBox,
  row: { id: string; kind: string; targetSealed: string; secretSealed: string | null },
): OpenChannel {
  return {
    kind: row.kind as ChannelKind,
    target: box.open(row.targetSealed, row.id),
    secret: row.secretSealed ? box.open(row.secretSealed, row.id) : null,
  };
}
