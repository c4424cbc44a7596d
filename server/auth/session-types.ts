// Who is calling: the signed-in user (or the API token acting for them). Its own module so the
// request context and the session mapping can name it without importing the sign-in flow.
import type { Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** MANAGER/ADMIN without TOTP yet: may only enroll. */
  totpPending: boolean;
  /** The server-side session of an interactive sign-in (AuthSession.id); absent for API tokens. */
  sessionId?: string | null;
  /** Set when the request carries an API token instead of a session. */
  token?: ApiTokenActor | null;
}

export interface ApiTokenActor {
  id: string;
  name: string;
  scopes: string[];
}
