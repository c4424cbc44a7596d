// The five roles of DESIGN 0 and the permission map: the one place that says who may do what.
// Every tRPC procedure names one permission; the navigation is derived from the same map.
export const ROLES = ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "market.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "accounts.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  "audit.view": ["COMPLIANCE", "ADMIN", "AUDITOR"],
  "audit.verify": ["COMPLIANCE", "ADMIN", "AUDITOR"],
  "users.view": ["ADMIN", "AUDITOR"],
  "users.manage": ["ADMIN"],
  "apiTokens.manage": ["ADMIN"],
  "apiTokens.own": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "system.view": ["ADMIN", "AUDITOR"],
  // market monitoring
  "alerts.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "alerts.ack": ["RISK"],
  "alertRules.manage": ["RISK", "ADMIN"],
  "feeds.manage": ["ADMIN"],
  "drills.run": ["ADMIN"],

  // risk engine
  "risk.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  "riskParams.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "riskParams.propose": ["RISK", "ADMIN"],
  "riskParams.approve": ["MANAGER"],
  "marginCalls.manage": ["RISK"],

  // payments
  "payments.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  "withdrawals.request": ["RISK", "MANAGER"],
  "withdrawals.approve": ["MANAGER"],
  "withdrawals.freeze": ["COMPLIANCE"],
  "withdrawals.appeal": ["RISK", "MANAGER"],
  "reconciliation.manage": ["MANAGER"],
  "largeValue.view": ["COMPLIANCE", "AUDITOR"],
  "calendars.view": ["ADMIN", "AUDITOR"],
  "calendars.manage": ["ADMIN"],

  // liquidation
  "liquidation.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  "liquidation.act": ["RISK"],
  "liquidation.extendHold": ["MANAGER"],
  "liquidation.dispute": ["RISK", "COMPLIANCE"],
  "liquidation.reviewDispute": ["COMPLIANCE"],
  // The execution session setting (A-share hours or always open): maker-checker like the parameters.
  "liquidation.session.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "liquidation.session.propose": ["RISK", "ADMIN"],
  "liquidation.session.approve": ["MANAGER"],

  // capital and funding
  "capital.view": ["RISK", "MANAGER", "AUDITOR"],
  // LCR assumptions and credit-limit rebalancing plans: maker-checker with a step-up.
  "capital.propose": ["RISK", "MANAGER"],
  "capital.approve": ["MANAGER"],
  "funding.view": ["RISK", "MANAGER", "AUDITOR"],
  "funding.manage": ["MANAGER"],
  // The order system's question before a buy on margin (v1 POST /lending, a write-scoped token).
  "funding.lend": ["RISK", "MANAGER"],
  // on-call
  "oncall.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  "oncall.ack": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN"],
  "oncall.manage": ["ADMIN"],
  "oncall.approvePolicy": ["MANAGER"],
  // The notification centre: each person reads and marks their own notifications.
  "notifications.own": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  // surveillance and compliance
  "surveillance.view": ["COMPLIANCE", "AUDITOR"],
  "cases.manage": ["COMPLIANCE"],
  "accounts.restrict": ["COMPLIANCE"],
  "accounts.freeze": ["COMPLIANCE"],
  "strReports.view": ["COMPLIANCE", "AUDITOR"],
  // reports and drill records (T3-T4)
  "reports.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  // Regulatory reports list STRs: the same readers as the STR export (no tipping-off).
  "reports.regulatory.view": ["COMPLIANCE", "AUDITOR"],
  "reports.generate": ["RISK", "COMPLIANCE", "MANAGER"],
  "reports.writeIncident": ["RISK", "COMPLIANCE"],
  "reports.signOff": ["MANAGER"],
  "drills.view": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
  // stress tests
  "stress.view": ["RISK", "COMPLIANCE", "MANAGER", "AUDITOR"],
  "stress.run": ["RISK", "MANAGER"],
  "stress.scenarios.edit": ["RISK", "MANAGER"],
  // the signed-in user's own desk settings (colours, recent symbols, watchlist)
  "preferences.own": ["RISK", "COMPLIANCE", "MANAGER", "ADMIN", "AUDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that must have TOTP enrolled and use it at sign-in (DESIGN 0). */
export function requiresTotp(role: Role): boolean {
  return role === "MANAGER" || role === "ADMIN";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
