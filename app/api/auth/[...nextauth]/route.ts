import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth-options";
import { MAX_EMAIL_LENGTH } from "@/server/auth/sign-in";
import { getSignInThrottle } from "@/server/auth/sign-in-throttle";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * Credential posts from an IP or for an account already over the sign-in throttle get 429 with
 * Retry-After before next-auth runs (no database read, no password hash). The body keeps
 * next-auth's shape so the sign-in form shows its "rate_limited" message.
 */
async function post(req: Request, ctx: RouteContext) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase()
      .slice(0, MAX_EMAIL_LENGTH);
    const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    const retryAfterS = await getSignInThrottle().peek(ip, email);
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
