// v1 POST /lending end to end through the route: a write-scoped RISK token lends (audited, the ledger
// and the source's drawn amount move); a read-only token and an AUDITOR are refused and nothing is
// lent; a restricted account is refused with the reason; an unknown account is a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as lending } from "@/app/api/v1/lending/route";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import { seedFundingDemo } from "@/server/funding/demo-seed";
import { createUser } from "./helpers/fixtures";
import { installTestRuntime } from "./helpers/route-runtime";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

describe.each(BACKENDS)("v1 lending on %s", (kind) => {
  let t: TestDatabase;
  let uninstall: () => void;
  const tokens: Record<string, string> = {};
  let accountId = "";

  const call = (token: string, body: unknown) =>
    lending(
      new Request("http://localhost:3000/api/v1/lending", {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "x-forwarded-for": "192.0.2.11",
        },
        body: JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    uninstall = installTestRuntime(t.db, {});
    await t.db.prisma.symbol.create({
      data: {
        code: "600000.SH",
        name: "x",
        sector: "BANKS",
        board: "MAIN",
        assetClass: "MAIN_BOARD",
        liquidityTier: "T1",
        beta: 1,
        prevClose: 10,
        avgDailyValue: 1e9,
      },
    });
    accountId = (await t.db.prisma.account.create({ data: { code: "L1", clientName: "c", cash: "0", debt: "0" } })).id;
    await seedFundingDemo(t.db.prisma, { now: Date.now() });
    const risk = await createUser(t.db, "RISK");
    const auditor = await createUser(t.db, "AUDITOR");
    tokens.write = (await createOwnApiToken(t.db.prisma, risk, { name: "orders", scopes: ["read", "write"] })).token;
    tokens.read = (await createOwnApiToken(t.db.prisma, risk, { name: "reader", scopes: ["read"] })).token;
    tokens.auditor = (await createOwnApiToken(t.db.prisma, auditor, { name: "audit", scopes: ["read"] })).token;
  });
  afterAll(async () => {
    uninstall();
    await t.drop();
  });

  const body = () => ({ accountId, symbol: "600000.SH", amount: 12_345.67, termDays: 90 });

  it("refuses tokens without the write scope or the permission, lending nothing", async () => {
    expect((await call(tokens.read!, body())).status).toBe(403);
    expect((await call(tokens.auditor!, body())).status).toBe(403);
    expect(await t.db.prisma.loan.count()).toBe(0);
  });

  it("lends from the preferred source at the client's price, through the ledger", async () => {
    const res = await call(tokens.write!, body());
    expect(res.status).toBe(200);
    const d = (await res.json()) as { ok: boolean; loanId: string; sourceCode: string; rate: number };
    expect(d).toMatchObject({ ok: true, sourceCode: "BANK-CL-1", failoverFrom: null, restricted: null });
    const loan = await t.db.prisma.loan.findUniqueOrThrow({ where: { id: d.loanId } });
    expect(loan.principal.toString()).toBe("12345.67");
    expect(loan.rate).toBeCloseTo(d.rate, 12);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "funding.lending.approved" } });
    expect(audit.targetId).toBe(accountId);
  });

  it("a restricted account is refused with the reason; an unknown account is a 404; bad input a 400", async () => {
    await t.db.prisma.accountRestriction.create({
      data: { accountId, restrictBuys: true, reason: "case", byId: "x" },
    });
    const res = await call(tokens.write!, body());
    expect(await res.json()).toMatchObject({ ok: false, restricted: "RESTRICT_BUYS", loanId: null });
    expect(await t.db.prisma.loan.count()).toBe(1);
    expect((await call(tokens.write!, { ...body(), accountId: "nobody" })).status).toBe(404);
    const bad = await call(tokens.write!, { ...body(), amount: 0.001 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/one fen/);
  });
});
