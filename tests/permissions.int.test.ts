// Every tRPC procedure declares a permission (meta); this suite is generated from the router and
// the permission map: each role is refused (FORBIDDEN) exactly the procedures its role lacks, and
// an anonymous caller is refused (UNAUTHORIZED) everything but public procedures.
import { v1Operations } from "@/server/api/v1/operations";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Meta } from "@/server/api/trpc";
import { hasPermission, PERMISSIONS, ROLES, type Role } from "@/server/auth/roles";
import { createInProcessBus } from "@/server/engine/event-bus";
import { MarketMonitoring } from "@/server/market/monitoring/market-monitoring";
import type { Services } from "@/server/runtime";
import { callerFor, createUsersForAllRoles, openAnotherSession, type TestUser } from "./helpers/fixtures";
import { createPager } from "./helpers/oncall";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  meta: Meta | undefined;
}

function listProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo["type"]; meta?: Meta } }
  >;
  return Object.entries(record).map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta }));
}

/** Calls a procedure with input that every input schema rejects, so nothing is changed. */
async function probe(caller: unknown, path: string): Promise<string> {
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  try {
    const result = await (fn as (input: unknown) => Promise<unknown>)("__probe__");
    if (result && typeof result === "object" && Symbol.asyncIterator in result) {
      const it = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      await it.return?.();
    }
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : `UNEXPECTED:${String(err)}`;
  }
}

const procedures = listProcedures();

describe("permission map", () => {
  it("covers every procedure, and every permission is used", () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const p of procedures) {
      expect(p.meta?.permission, `${p.path} declares no permission`).toBeDefined();
    }
    const used = new Set(procedures.map((p) => p.meta?.permission));
    // Checked inside a procedure rather than declared by one: reports.get reads the regulatory report
    // (it lists STRs) only for this permission's holders.
    used.add("reports.regulatory.view");
    // Declared by v1 operations (served by route handlers, not tRPC procedures).
    for (const op of v1Operations)
      if ("permission" in op.auth && op.auth.permission !== "any") used.add(op.auth.permission);
    for (const permission of Object.keys(PERMISSIONS)) expect(used, `${permission} is unused`).toContain(permission);
  });
});

describe.each(BACKENDS)("procedures by role (generated) on %s", (kind) => {
  let t: TestDatabase;
  let users: Record<Role, TestUser>;
  // What an ENGINE=off instance runs: every procedure is probed against real services.
  let services: Partial<Services>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    users = await createUsersForAllRoles(t.db);
    const monitoring = new MarketMonitoring({
      prisma: t.db.prisma,
      sql: t.db.sql,
      bus: createInProcessBus(),
      engine: null,
    });
    await monitoring.init();
    services = { monitoring, oncall: createPager(t.db, Date.now()).services.oncall };
  });
  afterAll(async () => t.drop());

  for (const p of procedures) {
    const permission = p.meta?.permission;
    it(`${p.path}: anonymous is ${permission === "public" ? "let through" : "UNAUTHORIZED"}`, async () => {
      const code = await probe(callerFor(t.db, null, { services }), p.path);
      if (permission === "public") expect(code).not.toBe("UNAUTHORIZED");
      else expect(code).toBe("UNAUTHORIZED");
    });
    for (const role of ROLES) {
      const allowed =
        permission === "public" ||
        permission === "authenticated" ||
        (permission !== undefined && hasPermission(role, permission));
      it(`${p.path} as ${role}: ${allowed ? "allowed" : "FORBIDDEN"}`, async () => {
        // A session of its own: probing auth.signOutEverywhere really ends the user's sessions.
        const code = await probe(callerFor(t.db, await openAnotherSession(t.db, users[role]), { services }), p.path);
        if (allowed) expect(["OK", "BAD_REQUEST", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"]).toContain(code);
        else expect(code).toBe("FORBIDDEN");
      });
    }
  }

  it("a MANAGER who has not enrolled TOTP is refused every permissioned procedure", async () => {
    const pending = { ...users.MANAGER, totpPending: true };
    const code = await probe(callerFor(t.db, pending), "accounts.list");
    expect(code).toBe("FORBIDDEN");
  });
});
