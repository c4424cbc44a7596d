// Who is calling: a bearer token (integration API) or the browser's next-auth session. The user
// row is re-read on every request, so a disabled user or a changed role takes effect at once.
import { getServerSession } from "next-auth";
import type { PrismaClient } from "../db/generated/client";
import { resolveBearerToken } from "./api-tokens";
import { authOptions } from "./next-auth-options";
import { isRole, requiresTotp } from "./roles";
import type { SessionUser } from "./sign-in";

export async function resolveRequestUser(prisma: PrismaClient, headers: Headers): Promise<SessionUser | null> {
  const authz = headers.get("authorization");
  if (authz?.toLowerCase().startsWith("bearer ")) {
    return resolveBearerToken(prisma, authz.slice(7).trim());
  }
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user || user.disabled || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    totpPending: requiresTotp(user.role) && !user.totpEnrolledAt,
  };
}
