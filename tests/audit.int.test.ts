// A1 against a real database: events written through the service verify; a row tampered in the
// table (any content field, or a deleted row) is detected and located; writers racing each
// other still produce one unbroken chain.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent, verifyAuditChain } from "@/server/audit/audit-service";
import { callerFor, createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("audit chain on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    for (let i = 0; i < 6; i++) {
      await appendAuditEvent(t.db.prisma, {
        actorEmail: `user${i}@test.local`,
        action: "test.event",
        targetType: "Account",
        targetId: `A${i}`,
        before: { cash: 100 * i, nested: { b: 2, a: 1 } },
        after: { cash: 100 * i + 50, tags: ["x", "y"] },
      });
    }
  });
  afterEach(async () => t.drop());

  it("verifies an untampered chain", async () => {
    expect(await verifyAuditChain(t.db.prisma)).toEqual({ ok: true, checked: 6, firstBrokenId: null });
  });

  const tampers: Array<[string, string]> = [
    ["action", `UPDATE "AuditEvent" SET action = 'test.other' WHERE id = $1`],
    ["actor", `UPDATE "AuditEvent" SET "actorEmail" = 'mallory@test.local' WHERE id = $1`],
    ["target", `UPDATE "AuditEvent" SET "targetId" = 'A999' WHERE id = $1`],
    ["after json", `UPDATE "AuditEvent" SET after = jsonb_set(after::jsonb, '{cash}', '1000000') WHERE id = $1`],
    ["timestamp", `UPDATE "AuditEvent" SET ts = ts + interval '1 second' WHERE id = $1`],
    ["hash", `UPDATE "AuditEvent" SET hash = md5(hash) || md5(hash) WHERE id = $1`],
  ];
  it.each(tampers)("detects a tampered %s and names the row", async (_what, sql) => {
    const rows = await t.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const victim = rows[3]?.id ?? -1;
    await t.db.sql.query(sql, [victim]);
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: false, firstBrokenId: victim });
  });

  it("detects a deleted row at the row after it", async () => {
    const rows = await t.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    await t.db.sql.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [rows[2]?.id]);
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: false, firstBrokenId: rows[3]?.id });
  });

  it("verifies events whose JSON holds floats that lose digits in a jsonb round trip", async () => {
    for (const v of [0.1 + 0.2, 812398.0699999998, 123456789.12345678, 1e21, 5e-7, -0, Number.NaN]) {
      await appendAuditEvent(t.db.prisma, { action: "test.float", after: { v, nested: [v, { v }] } });
    }
    expect(await verifyAuditChain(t.db.prisma)).toEqual({ ok: true, checked: 13, firstBrokenId: null });
    const stored = await t.db.prisma.auditEvent.findFirst({ where: { action: "test.float" }, orderBy: { id: "asc" } });
    expect(stored?.after).toEqual({ v: 0.3, nested: [0.3, { v: 0.3 }] });
  });

  it("keeps one chain when many events are appended concurrently", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAuditEvent(t.db.prisma, { action: "test.concurrent", targetId: String(i) }),
      ),
    );
    expect(await verifyAuditChain(t.db.prisma)).toEqual({ ok: true, checked: 26, firstBrokenId: null });
  });

  it("is verified through tRPC by an auditor and refused to a risk user", async () => {
    const auditor = await createUser(t.db, "AUDITOR");
    const risk = await createUser(t.db, "RISK");
    expect(await callerFor(t.db, auditor).audit.verify()).toMatchObject({ ok: true, checked: 6 });
    await expect(callerFor(t.db, risk).audit.verify()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = await callerFor(t.db, auditor).audit.list({ limit: 5 });
    // The refusal is itself on the trail (newest), then the five seeded events.
    expect(page.items.map((e) => e.targetId)).toEqual(["audit.verify", "A5", "A4", "A3", "A2"]);
    expect(page.items[0]).toMatchObject({ action: "access.denied", actorEmail: risk.email });
    expect(page.nextBeforeId).toBe(page.items[4]?.id);
  });
});
