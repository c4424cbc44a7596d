// Integration fixtures: users per role, and tRPC callers acting as them.
import type { Database } from "@/server/db/connection";
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/context";
import { hashPassword, setHashCostForTests } from "@/server/auth/password";
import { ROLES, requiresTotp, type Role } from "@/server/auth/roles";
import type { SessionUser } from "@/server/auth/sign-in";
import { createSession } from "@/server/auth/sessions";
import { generateTotpSecret } from "@/server/auth/totp";
import { createInProcessBus, type EventBus } from "@/server/engine/event-bus";
import type { MarketEngine } from "@/server/engine/market-engine";
import type { Services } from "@/server/runtime";
import { testServices } from "./services";

export const TEST_PASSWORD = "correct horse battery";

// Suites sign in often: hash at a low cost here (the production cost has its own unit test).
setHashCostForTests(2 ** 12);

export interface TestUser extends SessionUser {
  totpSecret: string | null;
}

let cachedHash: Promise<string> | undefined;

/** A user with an interactive session of their own (as after a sign-in), unless `session: false`. */
export async function createUser(
  db: Database,
  role: Role,
  opts: { email?: string; totp?: boolean; session?: boolean } = {},
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const withTotp = opts.totp ?? requiresTotp(role);
  const totpSecret = withTotp ? generateTotpSecret() : null;
  const u = await db.prisma.user.create({
    data: {
      email,
      name: `${role} tester`,
      role,
      passwordHash: await cachedHash,
      totpSecret,
      totpEnrolledAt: withTotp ? new Date() : null,
    },
  });
  const sessionId = opts.session === false ? null : await createSession(db.prisma, { userId: u.id, role });
  return { id: u.id, email, name: u.name, role, totpPending: requiresTotp(role) && !withTotp, totpSecret, sessionId };
}

/** Marks the user's session as stepped up `agoMs` ago (a TOTP step-up made in that session). */
export async function markStepUp(db: Database, user: SessionUser, agoMs = 0): Promise<void> {
  if (!user.sessionId) throw new Error("markStepUp: the user has no session");
  await db.prisma.authSession.update({
    where: { id: user.sessionId },
    data: { stepUpAt: new Date(Date.now() - agoMs) },
  });
}

/** Another interactive session of the same user (a second browser). */
export async function openAnotherSession<U extends SessionUser>(db: Database, user: U): Promise<U> {
  return { ...user, sessionId: await createSession(db.prisma, { userId: user.id, role: user.role }) };
}

export async function createUsersForAllRoles(db: Database): Promise<Record<Role, TestUser>> {
  const out = {} as Record<Role, TestUser>;
  for (const role of ROLES) out[role] = await createUser(db, role);
  return out;
}

export function contextFor(
  db: Database,
  user: SessionUser | null,
  extra: { bus?: EventBus; engine?: MarketEngine | null; services?: Partial<Services> } = {},
): Context {
  const bus = extra.bus ?? createInProcessBus();
  return {
    user,
    prisma: db.prisma,
    sql: db.sql,
    bus,
    engine: extra.engine ?? null,
    dbKind: db.kind,
    services: testServices(db, { bus, ...extra.services }),
    ip: "127.0.0.1",
  };
}

export function callerFor(db: Database, user: SessionUser | null, extra?: Parameters<typeof contextFor>[2]) {
  return createCaller(contextFor(db, user, extra));
}
