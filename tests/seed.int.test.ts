// Demo seeding (DESIGN 11) and start-up configuration errors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, isDemoSeeded, seedDemo } from "@/prisma/seed/seed-demo";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { openDatabase } from "@/server/db/connection";
import { signInWithCredentials } from "@/server/auth/sign-in";
import { generateTotpCode } from "@/server/auth/totp";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("demo seed on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => t.drop());

  it("creates demo users for every role, the book, and marks itself done", async () => {
    expect(await isDemoSeeded(t.db.prisma)).toBe(false);
    const creds = await seedDemo(t.db.prisma, { seed: 1, symbols: 40, accounts: 120 });
    expect(await isDemoSeeded(t.db.prisma)).toBe(true);
    expect(creds.map((c) => c.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(
      creds
        .filter((c) => c.totpSecret)
        .map((c) => c.role)
        .sort(),
    ).toEqual(["ADMIN", "ADMIN", "MANAGER", "MANAGER"]);
    expect(await t.db.prisma.symbol.count()).toBe(40);
    expect(await t.db.prisma.account.count()).toBe(120);
    expect(await t.db.prisma.position.count()).toBeGreaterThanOrEqual(120);
    const money = await t.db.sql.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM "Account" WHERE cash < 0 OR debt < 0 OR cash <> round(cash, 2)`,
    );
    expect(money[0]?.bad).toBe(0);

    // The printed credentials work: a risk user with the password, a manager with password + TOTP.
    const risk = await signInWithCredentials(t.db.prisma, { email: "risk@demo.local", password: DEMO_PASSWORD });
    expect(risk.role).toBe("RISK");
    const manager = creds.find((c) => c.email === "manager@demo.local");
    const m = await signInWithCredentials(t.db.prisma, {
      email: "manager@demo.local",
      password: DEMO_PASSWORD,
      totp: generateTotpCode(manager?.totpSecret ?? "", Date.now()),
    });
    expect(m).toMatchObject({ role: "MANAGER", totpPending: false });
    expect(await verifyAuditChain(t.db.prisma)).toMatchObject({ ok: true });
  });
});

describe("start-up configuration", () => {
  it("an unreachable DATABASE_URL fails with a message naming the setting", async () => {
    await expect(openDatabase({ kind: "postgres", url: "postgresql://nobody@127.0.0.1:1/none" })).rejects.toThrow(
      /DATABASE_URL: cannot connect to PostgreSQL/,
    );
  });
});
