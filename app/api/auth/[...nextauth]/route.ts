import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { errorToResponse } from "@/server/api/v1/http";
import { readBodyCapped } from "@/server/api/request-limits";
import { authOptions } from "@/server/auth/next-auth-options";
import { MAX_EMAIL_LENGTH } from "@/server/auth/sign-in";
import { getSignInThrottle } from "@/server/auth/sign-in-throttle";
import { getRuntime } from "@/server/runtime";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** A sign-in or sign-out form is a few hundred bytes; anything over this is refused before it is read whole. */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

/**
 * Every POST body is first read from a clone, capped (413 with the error envelope, next-auth never
 * runs); next-auth then reads the original (a request rebuilt from the text never completed under
 * `next start`, so the original is handed on as it came). Credential posts from an IP or for an account already over the
 * sign-in throttle get 429 with Retry-After before next-auth runs (no database read, no password
 * hash); that body keeps next-auth's shape so the sign-in form shows its "rate_limited" message.
 */
async function post(req: NextRequest, ctx: RouteContext) {
  let raw: string;
  try {
    raw = await readBodyCapped(req.clone(), AUTH_MAX_BODY_BYTES);
  } catch (err) {
    return errorToResponse(err, "api/auth");
  }
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const email = (new URLSearchParams(raw).get("email") ?? "").trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH);
    const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    const retryAfterS = await getSignInThrottle((await getRuntime()).db.prisma).peek(ip, email);
    if (retryAfterS !== null) {
      const url = new URL("/signin?error=rate_limited", req.url).toString();
      return Response.json(
        { url, error: "rate_limited" },
        { status: 429, headers: { "Retry-After": String(retryAfterS) } },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
