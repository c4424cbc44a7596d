// The audit trail as people read it (A1): actor names and the API token that acted, filters by
// actor, action, target and time, the change as before -> after rows, and a CSV export of a
// filtered range that is itself audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/server/audit/audit-service";
import { AUDIT_EXPORT_MAX_ROWS } from "@/server/audit/audit-query";
import { runWithRequestFacts } from "@/server/auth/request-context";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("readable audit trail on %s", (kind) => {
  let t: TestDatabase;
  let auditor: TestUser;
  let manager: TestUser;
  let ids: number[];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    auditor = await createUser(t.db, "AUDITOR");
    manager = await createUser(t.db, "MANAGER");
    await t.db.prisma.user.update({ where: { id: manager.id }, data: { name: "Wang Fang 王芳" } });
    const at = async (iso: string, input: Parameters<typeof appendAuditEvent>[1]) => {
      const { id } = await appendAuditEvent(t.db.prisma, input);
      // The chain hashes ts, so a test moving it would break verification: only the read filters are tested here.
      await t.db.sql.query(`UPDATE "AuditEvent" SET ts = $1::timestamptz WHERE id = $2`, [iso, id]);
      return id;
    };
    ids = [
      await at("2026-11-30T01:00:00Z", {
        actorId: manager.id,
        actorEmail: manager.email,
        action: "risk.paramsApproved",
        targetType: "RiskParams",
        targetId: "v4",
        before: { mmr: { STOCK: 0.25 } },
        after: { mmr: { STOCK: 0.3 } },
      }),
      await runWithRequestFacts({ token: { id: "tok_1", name: "nightly batch", scopes: ["read"] } }, () =>
        at("2026-11-30T02:00:00Z", {
          actorId: manager.id,
          actorEmail: manager.email,
          action: "surveillance.caseFrozen",
          targetType: "Account",
          targetId: "acc_0123456789abcdef",
          after: { status: "FROZEN", note: '=HYPERLINK("x")' },
        }),
      ),
      await at("2026-12-01T02:00:00Z", { action: "engine.started" }),
    ];
  });
  afterAll(async () => t.drop());

  it("names the actor, the token that acted, the full target id and the change", async () => {
    const page = await callerFor(t.db, auditor).audit.list({ action: "surveillance.", limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      actorName: "Wang Fang 王芳",
      actorEmail: manager.email,
      viaToken: { id: "tok_1", name: "nightly batch" },
      targetId: "acc_0123456789abcdef",
    });
    expect(page.items[0]?.changes).toContainEqual({ path: "status", before: null, after: "FROZEN", kind: "added" });
    const params = await callerFor(t.db, auditor).audit.list({ targetType: "RiskParams", limit: 10 });
    expect(params.items[0]?.changes).toEqual([{ path: "mmr.STOCK", before: "0.25", after: "0.3", kind: "changed" }]);
    expect(params.items[0]?.viaToken).toBeNull();
  });

  it("filters by actor name or email, target id and a Beijing-day time range", async () => {
    const c = callerFor(t.db, auditor);
    expect((await c.audit.list({ actor: "wang fang", limit: 10 })).items.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect((await c.audit.list({ actor: manager.email.toUpperCase(), limit: 10 })).items).toHaveLength(2);
    expect((await c.audit.list({ targetId: "acc_0123456789abcdef", limit: 10 })).items.map((e) => e.id)).toEqual([
      ids[1],
    ]);
    // 2026-11-30 in Beijing is [2026-11-29T16:00Z, 2026-11-30T16:00Z): the two events of that day.
    const day = await c.audit.list({
      from: Date.parse("2026-11-29T16:00:00Z"),
      to: Date.parse("2026-11-30T16:00:00Z"),
      limit: 10,
    });
    expect(day.items.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    await expect(c.audit.list({ from: 2000, to: 1000, limit: 10 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("exports a filtered range as CSV with a BOM and escaped formulas, and audits the export", async () => {
    const res = await callerFor(t.db, auditor).audit.exportCsv({ actor: "wang" });
    expect(res.rows).toBe(2);
    expect(res.csv.startsWith("\uFEFFid,time_utc,actor_email,actor_name,via_api_token,")).toBe(true);
    const lines = res.csv.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Wang Fang 王芳");
    expect(lines[2]).toContain("nightly batch");
    // The after JSON starts with "{", so it is quoted, not formula-escaped; the formula inside stays text in JSON.
    expect(lines[2]).toContain('""=HYPERLINK');
    const logged = await t.db.prisma.auditEvent.findFirst({
      where: { action: "audit.exported" },
      orderBy: { id: "desc" },
    });
    expect(logged).toMatchObject({ actorEmail: auditor.email, after: { rows: 2, filters: { actor: "wang" } } });
  });

  it("refuses an export wider than the cap with the count, and refuses a risk user", async () => {
    const filler = Array.from(
      { length: AUDIT_EXPORT_MAX_ROWS + 1 },
      (_, i) => `('x', 'test.filler', 'p${i}', 'h${i}')`,
    );
    await t.db.sql.exec(`INSERT INTO "AuditEvent" ("actorEmail", action, "prevHash", hash) VALUES ${filler.join(",")}`);
    await expect(callerFor(t.db, auditor).audit.exportCsv({ action: "test." })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/holds 50001 events; an export holds at most 50000/) as unknown,
    });
    const risk = await createUser(t.db, "RISK");
    await expect(callerFor(t.db, risk).audit.exportCsv({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
