// Server-component guards: the signed-in user (re-read from the database) or a redirect to
// sign-in; MANAGER/ADMIN without TOTP go to enrollment first.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime";
import { authOptions } from "./next-auth-options";
import { hasPermission, isRole, requiresTotp, type Permission } from "./roles";
import type { SessionUser } from "./sign-in";

export async function getPageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { db } = await getRuntime();
  const user = await db.prisma.user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabled || !isRole(user.role)) return null;
  return {
    id: user.id, email: user.email, name: user.name, role: user.role,
    totpPending: requiresTotp(user.role) && !user.totpEnrolledAt,
  };
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
