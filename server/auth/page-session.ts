// Server-component guards: the signed-in user (session and user re-read from the database) or a redirect to
// sign-in; MANAGER/ADMIN without TOTP go to enrollment first.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime";
import { authOptions } from "./next-auth-options";
import { hasPermission, type Permission } from "./roles";
import { resolveSessionUserCached } from "./session-user";
import type { SessionUser } from "./sign-in";

export async function getPageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !session.user.sessionId) return null;
  const { db } = await getRuntime();
  return resolveSessionUserCached(db.prisma, session.user.id, session.user.sessionId);
}

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect("/signin");
  if (user.totpPending) redirect("/enroll-totp");
  return user;
}

/** True when the user may see a page guarded by this permission. */
export function canView(user: SessionUser, permission: Permission): boolean {
  return hasPermission(user.role, permission);
}
