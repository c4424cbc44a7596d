// Paging policy: which desk events page, at what severity, who first, and after how many minutes
// unacknowledged a page escalates. Versioned and approved like margin parameters (maker-checker with a
// step-up); the highest APPROVED version is in force, and DEFAULT_POLICY before any is approved.
import { z } from "zod";
import { DESK_EVENT_KINDS, SEVERITIES, type DeskEvent, type DeskEventKind, type Severity } from "../notify/desk-event";

export const PAGED_ROLES = ["RISK", "COMPLIANCE", "MANAGER", "ADMIN"] as const;
export type PagedRole = (typeof PAGED_ROLES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM (Asia/Shanghai)");

export const policyRuleSchema = z.strictObject({
  kind: z.enum(DESK_EVENT_KINDS),
  enabled: z.boolean(),
  /** Overrides the producer's severity when set. */
  severity: z.enum(SEVERITIES).nullable(),
  firstRole: z.enum(PAGED_ROLES),
  escalateAfterMinutes: z.number().int().min(1, "at least 1 minute").max(240, "at most 240 minutes"),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const pagingPolicySchema = z.strictObject({
  rules: z
    .array(policyRuleSchema)
    .max(DESK_EVENT_KINDS.length)
    .refine((rs) => new Set(rs.map((r) => r.kind)).size === rs.length, "each event kind appears once"),
  /** Non-critical pages in this window reach the console only; critical pages always go out. */
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable(),
});
export type PagingPolicy = z.infer<typeof pagingPolicySchema>;

const rule = (
  kind: DeskEventKind,
  firstRole: PagedRole,
  escalateAfterMinutes: number,
  severity: Severity | null = null,
): PolicyRule => ({ kind, enabled: true, severity, firstRole, escalateAfterMinutes });

export const DEFAULT_POLICY: PagingPolicy = {
  rules: [
    rule("liquidation.hardFloor", "RISK", 5, "CRITICAL"),
    rule("liquidation.executionFailed", "RISK", 5, "CRITICAL"),
    rule("feed.failover", "RISK", 15, "WARNING"),
    rule("feed.allStale", "RISK", 5, "CRITICAL"),
    rule("engine.behind", "ADMIN", 10, "WARNING"),
    rule("engine.leaderLost", "ADMIN", 5, "CRITICAL"),
    rule("capital.guaranteeFundLow", "MANAGER", 15, "CRITICAL"),
    rule("capital.lcrLow", "MANAGER", 15, "CRITICAL"),
    rule("capital.reserveLow", "MANAGER", 30, "WARNING"),
    rule("funding.loanOverdue", "RISK", 15, "CRITICAL"),
    rule("auth.stepUpLocked", "ADMIN", 30, "WARNING"),
    rule("case.slaBreached", "COMPLIANCE", 30, "WARNING"),
    rule("oncall.channelFailing", "ADMIN", 30, "WARNING"),
    rule("oncall.rosterHole", "ADMIN", 60, "WARNING"),
    rule("oncall.drill", "RISK", 5, null),
  ],
  quietHours: { start: "22:00", end: "07:00" },
};

export interface RuleDecision {
  rule: PolicyRule;
  severity: Severity;
}

/**
 * Alerts about paging itself: a policy approved before such a kind existed (so without a rule for it)
 * still sends them by the default rule; only an explicit disabled rule turns one off.
 */
const SELF_ALERTS: readonly DeskEventKind[] = ["oncall.channelFailing", "oncall.rosterHole"];

/** The rule that pages for this event, or null when the policy does not page on it. */
export function matchRule(policy: PagingPolicy, event: Pick<DeskEvent, "kind" | "severity">): RuleDecision | null {
  const r =
    policy.rules.find((x) => x.kind === event.kind) ??
    (SELF_ALERTS.includes(event.kind) ? DEFAULT_POLICY.rules.find((x) => x.kind === event.kind) : undefined);
  if (!r || !r.enabled) return null;
  return { rule: r, severity: r.severity ?? event.severity };
}
