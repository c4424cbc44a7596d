// Integration API bearer tokens (DESIGN 0, 10): created by their owner only, for themselves, from
// an interactive session; shown once, stored as sha256; scoped ("read" by default, "write" for
// mutations). A token never approves, freezes, holds, executes or acts on access (token-policy.ts).
import crypto from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { isRole } from "./roles";
import type { SessionUser } from "./sign-in";
import type { TokenScope } from "./token-policy";
import { toSessionUser } from "./to-session-user";

const MAX_OPEN_TOKENS = 20; // per owner

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

const TOKEN_FIELDS = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function createOwnApiToken(
  prisma: PrismaClient,
  owner: SessionUser,
  input: { name: string; scopes: TokenScope[] },
) {
  if (owner.token || !owner.sessionId)
    throw new AppError("FORBIDDEN", "Create API tokens from an interactive session, not with a token.");
  const open = await prisma.apiToken.count({ where: { userId: owner.id, revokedAt: null } });
  if (open >= MAX_OPEN_TOKENS)
    throw new AppError("CONFLICT", `You already have ${MAX_OPEN_TOKENS} active tokens; revoke one first.`);
  const scopes = [...new Set<TokenScope>(["read", ...input.scopes])].sort();
  const token = `md_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await prisma.apiToken.create({
    data: { name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 7), userId: owner.id, scopes },
    select: TOKEN_FIELDS,
  });
  await appendAuditEvent(prisma, {
    actorId: owner.id,
    actorEmail: owner.email,
    action: "apiToken.created",
    targetType: "ApiToken",
    targetId: row.id,
    after: { name: row.name, owner: owner.email, scopes },
  });
  return { ...row, token };
}

/** The owner revokes their own token; ADMIN (allAllowed) may revoke anyone's. */
export async function revokeApiToken(
  prisma: PrismaClient,
  actor: SessionUser,
  id: string,
  opts: { anyOwner: boolean },
) {
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row || (!opts.anyOwner && row.userId !== actor.id)) throw new AppError("NOT_FOUND", "Token not found.");
  if (row.revokedAt) return { id, revokedAt: row.revokedAt };
  const revokedAt = new Date();
  await prisma.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "apiToken.revoked",
    targetType: "ApiToken",
    targetId: id,
    after: { name: row.name, ownerId: row.userId },
  });
  return { id, revokedAt };
}

export async function listOwnApiTokens(prisma: PrismaClient, ownerId: string) {
  return prisma.apiToken.findMany({ where: { userId: ownerId }, orderBy: { createdAt: "desc" }, select: TOKEN_FIELDS });
}

export async function listApiTokens(prisma: PrismaClient) {
  return prisma.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { ...TOKEN_FIELDS, user: { select: { email: true, role: true } } },
  });
}

/** Resolves `Authorization: Bearer <token>` to its owner (with the token's id and scopes), or null. */
export async function resolveBearerToken(prisma: PrismaClient, token: string): Promise<SessionUser | null> {
  if (token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled || !isRole(row.user.role)) return null;
  const now = new Date();
  // lastUsedAt to the minute is enough; skip the write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const u = row.user;
  return toSessionUser(
    { ...u, role: u.role },
    { totpEnrolled: u.totpEnrolledAt !== null, token: { id: row.id, name: row.name, scopes: row.scopes } },
  );
}
