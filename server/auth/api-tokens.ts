// Integration API bearer tokens (DESIGN 10): created by ADMIN, shown once, stored as sha256.
import crypto from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { isRole, requiresTotp } from "./roles";
import type { SessionUser } from "./sign-in";

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(prisma: PrismaClient, actor: SessionUser, input: { userId: string; name: string }) {
  const owner = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!owner) throw new AppError("NOT_FOUND", "User not found.");
  const token = `md_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await prisma.apiToken.create({
    data: { name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 7), userId: owner.id },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id, actorEmail: actor.email, action: "apiToken.created", targetType: "ApiToken", targetId: row.id,
    after: { name: row.name, owner: owner.email },
  });
  return { ...row, token };
}

export async function revokeApiToken(prisma: PrismaClient, actor: SessionUser, id: string) {
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", "Token not found.");
  if (row.revokedAt) return { id, revokedAt: row.revokedAt };
  const revokedAt = new Date();
  await prisma.apiToken.update({ where: { id }, data: { revokedAt } });
  await appendAuditEvent(prisma, { actorId: actor.id, actorEmail: actor.email, action: "apiToken.revoked", targetType: "ApiToken", targetId: id });
  return { id, revokedAt };
}

export async function listApiTokens(prisma: PrismaClient) {
  return prisma.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true, role: true } } },
  });
}

/** Resolves `Authorization: Bearer <token>` to its owner, or null. */
export async function resolveBearerToken(prisma: PrismaClient, token: string): Promise<SessionUser | null> {
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled || !isRole(row.user.role)) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const u = row.user;
  return { id: u.id, email: u.email, name: u.name, role: u.role, totpPending: requiresTotp(u.role) && !u.totpEnrolledAt };
}
