// What an API token may do (DESIGN 0 and 10). Tokens carry scopes: "read" (queries, streams and
// the side-effect-free v1 calculators) by default, "write" for mutations. Whatever the scopes, a
// token can never approve money or parameters, freeze, hold or execute liquidations, or act on
// access: those need an interactive session with its own step-up.
import type { ApiTokenActor } from "./sign-in";

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * Permissions no token may use. Names of permissions other domains add later (liquidation
 * hold/execute) are listed already so the rule holds from the day they appear.
 */
export const INTERACTIVE_ONLY_PERMISSIONS: ReadonlySet<string> = new Set([
  "withdrawals.approve",
  "withdrawals.freeze",
  "riskParams.approve",
  "users.manage",
  "apiTokens.manage",
  "apiTokens.own",
  "liquidation.act",
  "liquidation.extendHold",
  "liquidation.session.approve",
  "liquidation.hold",
  "liquidation.execute",
  "liquidations.hold",
  "liquidations.execute",
  "accounts.freeze",
  "accounts.restrict",
]);

export type CallKind = "query" | "mutation" | "subscription";

/** Null when the token may make this call, else the reason it may not (shown to the caller). */
export function refuseTokenCall(token: ApiTokenActor, permission: string, kind: CallKind): string | null {
  if (INTERACTIVE_ONLY_PERMISSIONS.has(permission)) {
    return `API tokens cannot do this (${permission}): it needs an interactive session with its own step-up.`;
  }
  if (permission === "authenticated" && kind === "mutation") {
    return "API tokens cannot change account settings; sign in interactively.";
  }
  if (kind === "mutation" && !token.scopes.includes("write")) {
    return `This API token is read-only (scopes: ${token.scopes.join(", ") || "none"}); it needs the "write" scope for this.`;
  }
  return null;
}
