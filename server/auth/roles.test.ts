// The permission map of DESIGN 0, checked against a table written out by hand, plus the TOTP rule
// and the role guard.
import { describe, expect, it } from "vitest";
import { hasPermission, isRole, PERMISSIONS, requiresTotp, ROLES, type Permission, type Role } from "./roles";

// Why each row (DESIGN 0 and the REST section's role lists):
// - market.view: everyone; ADMIN needs feed status, AUDITOR sees "everything read-only".
// - accounts.view: RISK, COMPLIANCE and MANAGER work on client accounts; AUDITOR reads them; ADMIN runs the
//   platform and does not see client accounts (GET /api/v1/accounts/{id}/risk lists RISK, COMPLIANCE, MANAGER, AUDITOR).
// - audit.view / audit.verify: COMPLIANCE (audit trail), AUDITOR (audit chain verification) and ADMIN
//   (GET /api/v1/audit/verify lists COMPLIANCE, ADMIN, AUDITOR); RISK and MANAGER do not.
// - users.manage / apiTokens.manage: ADMIN only ("users and roles, settings"). users.view / system.view: ADMIN
//   and AUDITOR, who sees "everything read-only" but never holds a *.manage permission.
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  "market.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  // preferences.own: a user's own colours, recent symbols and watchlist; every role has a desk.
  "preferences.own": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "accounts.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "audit.view": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: true, AUDITOR: true },
  "audit.verify": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: true, AUDITOR: true },
  "users.view": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: true },
  "users.manage": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "apiTokens.manage": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  // Every user may hold API tokens of their own (created by themselves, DESIGN 0).
  "apiTokens.own": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "system.view": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: true },
  // Market monitoring (M): everyone reads alerts; the desk (RISK) acknowledges; rules are the desk's and the
  // platform's; feeds and drills are ADMIN's ("feed status", "scenario injection ... available to ADMIN").
  "alerts.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "alerts.ack": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: false, AUDITOR: false },
  "alertRules.manage": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "feeds.manage": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "drills.run": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  // Risk (R2 governance): RISK or ADMIN proposes, a MANAGER approves (maker-checker); everyone reads versions.
  "risk.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "riskParams.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "riskParams.propose": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "riskParams.approve": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "marginCalls.manage": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: false, AUDITOR: false },
  // Payments (P3): operations enter requests (RISK, MANAGER), only MANAGER approves, COMPLIANCE freezes,
  // large-value reports are compliance's and the auditor's.
  "payments.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "withdrawals.request": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "withdrawals.approve": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "withdrawals.freeze": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "withdrawals.appeal": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "reconciliation.manage": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "largeValue.view": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: true },
  "liquidation.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "liquidation.act": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: false, AUDITOR: false },
  "liquidation.extendHold": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "liquidation.dispute": { RISK: true, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "liquidation.reviewDispute": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  // The execution session setting: everyone reads it; RISK or ADMIN proposes, a MANAGER approves.
  "liquidation.session.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "liquidation.session.propose": { RISK: true, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "liquidation.session.approve": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  // Surveillance (S): COMPLIANCE works cases and restricts or freezes accounts; AUDITOR reads
  // everything and exports STRs; POST /api/v1/surveillance/evaluate lists COMPLIANCE and AUDITOR.
  "surveillance.view": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: true },
  "cases.manage": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "accounts.restrict": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "accounts.freeze": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "strReports.view": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: true },
  // Stress (T1-T2): DESIGN 10 lists RISK, COMPLIANCE, MANAGER, AUDITOR for the scenarios and RISK, MANAGER for runs.
  "stress.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "stress.run": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "stress.scenarios.edit": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "calendars.view": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: true },
  "calendars.manage": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  // Capital and funding (C, F): POST /api/v1/capital/euler lists RISK, MANAGER, AUDITOR; funding and capital
  // are the MANAGER's screens (DESIGN 0), read by the desk and audit; only MANAGERs act (with a step-up).
  "capital.view": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: true },
  "capital.propose": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "capital.approve": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "funding.view": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: true },
  "funding.manage": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "funding.lend": { RISK: true, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "oncall.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  "oncall.ack": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: false },
  "oncall.manage": { RISK: false, COMPLIANCE: false, MANAGER: false, ADMIN: true, AUDITOR: false },
  "oncall.approvePolicy": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  // Everyone has a bell of their own (the router reads only the caller's rows).
  "notifications.own": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
  // Reports (T4): DESIGN 0 has COMPLIANCE on regulatory reports and AUDITOR on report exports; the regulatory
  // report lists STRs, so it has the STR export's readers; a MANAGER signs incident reviews off.
  "reports.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: true },
  "reports.regulatory.view": { RISK: false, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: true },
  "reports.generate": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: false, AUDITOR: false },
  "reports.writeIncident": { RISK: true, COMPLIANCE: true, MANAGER: false, ADMIN: false, AUDITOR: false },
  "reports.signOff": { RISK: false, COMPLIANCE: false, MANAGER: true, ADMIN: false, AUDITOR: false },
  "drills.view": { RISK: true, COMPLIANCE: true, MANAGER: true, ADMIN: true, AUDITOR: true },
};

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("roles", () => {
  it("are the five roles of DESIGN 0", () => {
    expect([...ROLES].sort()).toEqual(["ADMIN", "AUDITOR", "COMPLIANCE", "MANAGER", "RISK"]);
  });
});

describe("permission map", () => {
  it("has exactly the permissions of the hand-written table", () => {
    expect([...permissions].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(permissions.flatMap((p) => ROLES.map((r) => [p, r] as const)))("%s for %s matches the table", (p, r) => {
    expect(hasPermission(r, p)).toBe(EXPECTED[p][r]);
  });

  it("gives every permission to at least one role, and lists no role twice", () => {
    for (const p of permissions) {
      const holders: readonly Role[] = PERMISSIONS[p];
      expect(holders.length, p).toBeGreaterThan(0);
      expect(new Set(holders).size, p).toBe(holders.length);
      for (const r of holders) expect(isRole(r), `${p}: ${r}`).toBe(true);
    }
  });

  it("AUDITOR holds no permission that changes anything", () => {
    // apiTokens.own changes only the caller's own credentials (an auditor's read-only token for the
    // regulator interface), never the platform's data; preferences.own changes only the caller's own
    // desk settings (colours, recent symbols, watchlist); notifications.own marks only the caller's own
    // notifications read.
    const own = new Set<Permission>(["audit.verify", "apiTokens.own", "preferences.own", "notifications.own"]);
    const writes = permissions.filter((p) => !p.endsWith(".view") && !own.has(p));
    expect(writes).toEqual(expect.arrayContaining(["users.manage", "apiTokens.manage"]));
    for (const p of writes) expect(hasPermission("AUDITOR", p), p).toBe(false);
  });

  it("only ADMIN manages users and API tokens", () => {
    for (const r of ROLES) {
      expect(hasPermission(r, "users.manage"), r).toBe(r === "ADMIN");
      expect(hasPermission(r, "apiTokens.manage"), r).toBe(r === "ADMIN");
    }
  });

  it("ADMIN does not see client accounts", () => {
    expect(hasPermission("ADMIN", "accounts.view")).toBe(false);
  });
});

describe("requiresTotp", () => {
  it("is true exactly for MANAGER and ADMIN", () => {
    const withTotp = ROLES.filter((r) => requiresTotp(r));
    expect([...withTotp].sort()).toEqual(["ADMIN", "MANAGER"]);
  });
});

describe("isRole", () => {
  it("accepts each role name", () => {
    for (const r of ROLES) expect(isRole(r), r).toBe(true);
  });

  it.each([
    ["admin"],
    ["Admin"],
    ["ADMIN "],
    [" RISK"],
    [""],
    ["USER"],
    ["toString"],
    [null],
    [undefined],
    [0],
    [["ADMIN"]],
    [{ role: "ADMIN" }],
  ])("rejects %j", (value) => {
    expect(isRole(value)).toBe(false);
  });
});
