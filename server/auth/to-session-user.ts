// The one mapping from a user row to the SessionUser every layer sees (a session, a sign-in, an API
// token). No next-auth or Prisma imports: the sign-in, the session check and the token check use it.
import { requiresTotp, type Role } from "./roles";
import type { ApiTokenActor, SessionUser } from "./session-types";

export function toSessionUser(
  user: { id: string; email: string; name: string; role: Role },
  access: { totpEnrolled: boolean; sessionId?: string | null; token?: ApiTokenActor | null },
): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    // MANAGER and ADMIN without TOTP may only enroll (DESIGN 0).
    totpPending: requiresTotp(user.role) && !access.totpEnrolled,
    sessionId: access.sessionId ?? null,
    ...(access.token ? { token: access.token } : {}),
  };
}
