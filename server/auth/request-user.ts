// Who is calling: a bearer token (integration API) or the browser's next-auth session. The JWT
// carries only a session id: the AuthSession and user rows are re-read, at most half a second old
// (session-cache), so sign-out, a disabled user or a changed role take effect within a second.
import { getServerSession } from "next-auth";
import type { PrismaClient } from "../db/generated/client";
import { resolveBearerToken } from "./api-tokens";
import { authOptions } from "./next-auth-options";
import { resolveSessionUserCached } from "./session-user";
import type { SessionUser } from "./sign-in";

export async function resolveRequestUser(prisma: PrismaClient, headers: Headers): Promise<SessionUser | null> {
  const authz = headers.get("authorization");
  if (authz?.toLowerCase().startsWith("bearer ")) {
    return resolveBearerToken(prisma, authz.slice(7).trim());
  }
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sid = session?.user?.sessionId;
  if (!id || !sid) return null;
  return resolveSessionUserCached(prisma, id, sid);
}
