// next-auth v4 configuration: credentials (email, password, totp); the JWT carries the id of a
// server-side session (AuthSession), checked on every request, so sign-out ends it at once.
// The checks themselves live in sign-in.ts; this file only adapts them to next-auth.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appendAuditEvent } from "../audit/audit-service";
import { getAuthSecret, getRuntime } from "../runtime";
import { isRole, requiresTotp } from "./roles";
import { revokeSession } from "./sessions";
import { SignInError, signInWithCredentials, type SessionUser } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  // Declaration merging needs an interface; restating `id` keeps it non-empty.
  interface User extends SessionUser {
    id: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: string;
    totpPending?: boolean;
    /** AuthSession.id */
    sid?: string;
  }
}

const SESSION_MAX_AGE_S = 8 * 60 * 60; // one working day

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const fwd = headers?.["x-forwarded-for"];
  return typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
}

export const authOptions: NextAuthOptions = {
  secret: getAuthSecretSafe(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Minute Desk",
      credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) throw new Error("invalid_credentials");
        const { db } = await getRuntime();
        try {
          return await signInWithCredentials(db.prisma, {
            email: credentials.email,
            password: credentials.password,
            totp: credentials.totp,
            ip: clientIp(req.headers),
          });
        } catch (err) {
          if (err instanceof SignInError) throw new Error(err.code);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.totpPending = user.totpPending;
        token.sid = user.sessionId ?? undefined;
      } else if (trigger === "update" && token.uid) {
        // After TOTP enrollment the client asks for a fresh token.
        const { db } = await getRuntime();
        const fresh = await db.prisma.user.findUnique({ where: { id: token.uid } });
        if (fresh && isRole(fresh.role)) {
          token.role = fresh.role;
          token.totpPending = requiresTotp(fresh.role) && !fresh.totpEnrolledAt;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && isRole(token.role)) {
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          totpPending: token.totpPending === true,
          sessionId: token.sid ?? null,
        };
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      const { db } = await getRuntime();
      // The cookie is cleared by next-auth; revoking the session also refuses any copy of it.
      if (token.sid) await revokeSession(db.prisma, token.sid, "signOut");
      await appendAuditEvent(db.prisma, {
        actorId: token.uid,
        actorEmail: token.email ?? null,
        action: "auth.signOut",
        targetType: "User",
        targetId: token.uid,
        after: { sessionId: token.sid ?? null },
      });
    },
  },
};

// During `next build` no secret exists yet; the server computes it at start.
function getAuthSecretSafe(): string | undefined {
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  return getAuthSecret();
}
