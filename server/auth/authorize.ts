// The one authorization decision, shared by the tRPC procedures and the v1 route wrapper: may this
// signed-in user (or API token) make this call? Refusals are audited (aggregated per minute) and
// returned as the message the caller sees; each transport turns them into its own 403.
import type { PrismaClient } from "../db/generated/client";
import { auditForbidden } from "./access-denied";
import { hasPermission, type Permission } from "./roles";
import type { SessionUser } from "./sign-in";
import { refuseTokenCall, type CallKind } from "./token-policy";

/**
 * What a call needs: a permission from the map, "any" signed-in role that has finished enrolment
 * (the v1 calculators), or just "authenticated" (own-account procedures, usable while TOTP
 * enrolment is still pending, since enrolling is one of them).
 */
export type Requirement = Permission | "any" | "authenticated";

/** Null when the call is allowed, else the reason it is not (written for the caller). */
export function refusalFor(user: SessionUser, need: Requirement, kind: CallKind): string | null {
  if (need !== "authenticated") {
    if (user.totpPending) return "Enroll two-factor authentication (TOTP) first.";
    if (need !== "any" && !hasPermission(user.role, need)) return `Your role (${user.role}) may not do this (${need}).`;
  }
  return user.token ? refuseTokenCall(user.token, need, kind) : null;
}

/** refusalFor, with the refusal on the audit trail; call it inside the request's facts (token). */
export async function authorize(
  prisma: PrismaClient,
  user: SessionUser,
  call: { need: Requirement; kind: CallKind; path: string },
): Promise<string | null> {
  const refusal = refusalFor(user, call.need, call.kind);
  if (refusal) await auditForbidden(prisma, user, { permission: call.need, path: call.path, reason: refusal });
  return refusal;
}
