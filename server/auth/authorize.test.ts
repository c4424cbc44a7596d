// The one authorization decision of tRPC and the v1 API: the order of its checks and what each
// requirement lets through. Permissions are read from the map in roles.ts (RISK has risk.view but
// not audit.verify; withdrawals.approve is interactive-only).
import { describe, expect, it } from "vitest";
import { refusalFor } from "./authorize";
import type { SessionUser } from "./sign-in";

const user = (o: Partial<SessionUser> = {}): SessionUser => ({
  id: "u1",
  email: "u1@test.local",
  name: "U",
  role: "RISK",
  totpPending: false,
  ...o,
});
const readToken = { id: "t1", name: "script", scopes: ["read"] };

describe("refusalFor", () => {
  it("lets a role with the permission through, refuses one without it", () => {
    expect(refusalFor(user(), "risk.view", "query")).toBeNull();
    expect(refusalFor(user(), "audit.verify", "query")).toMatch(/Your role \(RISK\) may not do this \(audit\.verify\)/);
  });

  it("'any' needs a finished enrolment but no permission; 'authenticated' needs neither", () => {
    expect(refusalFor(user(), "any", "query")).toBeNull();
    expect(refusalFor(user({ role: "MANAGER", totpPending: true }), "any", "query")).toMatch(/Enroll/);
    expect(refusalFor(user({ role: "MANAGER", totpPending: true }), "authenticated", "mutation")).toBeNull();
  });

  it("checks enrolment before the role, and the role before the token", () => {
    expect(refusalFor(user({ totpPending: true }), "audit.verify", "query")).toMatch(/Enroll/);
    expect(refusalFor(user({ token: readToken }), "audit.verify", "query")).toMatch(/Your role/);
  });

  it("a read token may query, not write; no token may use an interactive-only permission", () => {
    expect(refusalFor(user({ token: readToken }), "risk.view", "query")).toBeNull();
    expect(refusalFor(user({ token: readToken }), "any", "mutation")).toMatch(/read-only/);
    expect(refusalFor(user({ token: readToken }), "authenticated", "mutation")).toMatch(/cannot change account/);
    const manager = user({ role: "MANAGER", token: { ...readToken, scopes: ["read", "write"] } });
    expect(refusalFor(manager, "withdrawals.approve", "mutation")).toMatch(/interactive session/);
  });

  it("a write token never holds, executes or extends a liquidation, nor approves the execution session", () => {
    const write = { ...readToken, scopes: ["read", "write"] };
    expect(refusalFor(user({ token: write }), "liquidation.act", "mutation")).toMatch(/interactive session/);
    expect(refusalFor(user({ role: "MANAGER", token: write }), "liquidation.extendHold", "mutation")).toMatch(
      /interactive session/,
    );
    expect(refusalFor(user({ role: "MANAGER", token: write }), "liquidation.session.approve", "mutation")).toMatch(
      /interactive session/,
    );
    // Disputes are records, not decisions: a write token of the desk may file one.
    expect(refusalFor(user({ token: write }), "liquidation.dispute", "mutation")).toBeNull();
  });
});
